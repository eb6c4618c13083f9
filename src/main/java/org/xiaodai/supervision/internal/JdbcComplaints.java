package org.xiaodai.supervision.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.supervision.Complaints;

/** The complaints facade over {@link ComplaintService}, read through the caller's tenant wall. */
@Component
class JdbcComplaints implements Complaints {

    private final ComplaintService complaints;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    JdbcComplaints(ComplaintService complaints, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.complaints = complaints;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public long overdue(UUID institutionId, LocalDate asOf) {
        return complaints.overdue(institutionId, asOf);
    }

    @Override
    @Transactional(readOnly = true)
    public long filed(UUID institutionId, LocalDate from, LocalDate to) {
        return complaints.filed(institutionId, from, to);
    }

    @Override
    @Transactional
    public BorrowerComplaint fileAsBorrower(UUID borrowerId, String borrowerName, String category, String subject,
                                            String description) {
        UUID institution = org.xiaodai.shared.tenant.TenantWall.current().institutionId();
        if (institution == null) {
            throw org.xiaodai.shared.problem.ProblemException.notFound("institution");
        }
        var caller = org.xiaodai.iam.CurrentUser.borrowerChannel(institution, borrowerId, borrowerName);
        var v = complaints.file(caller, new ComplaintService.ComplaintInput(null, category, subject, description, null, null));
        return filedBy(borrowerId).stream().filter(c -> c.id().equals(v.id())).findFirst().orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<BorrowerComplaint> filedBy(UUID borrowerId) {
        return jdbc.sql("""
                select id, institution_id, reference, category, subject, status, filed_on, response_due, response
                from supervision_complaint where filed_by = ? and channel = 'BORROWER' order by filed_at desc""")
                .param(borrowerId).query((rs, n) -> new BorrowerComplaint(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> filer(UUID complaintId) {
        return jdbc.sql("select filed_by from supervision_complaint where id = ?").param(complaintId).query(UUID.class)
                .optional();
    }
}
