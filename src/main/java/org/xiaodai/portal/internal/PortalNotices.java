package org.xiaodai.portal.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiaodai.notification.Notice;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.notification.Notifications;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.ComplaintRegistered;
import org.xiaodai.supervision.ComplaintResolved;
import org.xiaodai.supervision.Complaints;

/**
 * Tells a borrower who filed a complaint through the portal how it goes on (投诉进展): registered and
 * routed to the lender, then resolved. Only the portal knows which customer record a complaint's
 * borrower is, so the reaction lives here; after supervision committed, in the institution's wall,
 * once per step.
 */
@Component
class PortalNotices {

    private final Complaints complaints;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    PortalNotices(Complaints complaints, Notifications notifications, JdbcClient jdbc) {
        this.complaints = complaints;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void registered(ComplaintRegistered event) {
        if ("BORROWER".equals(event.channel())) {
            tell(event.institutionId(), event.complaintId(), event.reference(), "RECEIVED");
        }
    }

    @ApplicationModuleListener
    void resolved(ComplaintResolved event) {
        tell(event.institutionId(), event.complaintId(), event.reference(), "RESOLVED");
    }

    private void tell(UUID institution, UUID complaint, String reference, String status) {
        TenantWall.asInstitution(institution, () -> complaints.filer(complaint).flatMap(borrower -> jdbc.sql(
                        "select customer_id from portal_link where borrower_id = ? and institution_id = ?")
                .params(borrower, institution).query(UUID.class).optional())
                .ifPresent(customer -> notifications.notify(new Notice(institution, customer,
                        NotificationEvent.COMPLAINT_UPDATED, Map.of("reference", reference, "status", status),
                        "complaint:" + complaint + ":" + status))));
    }
}
