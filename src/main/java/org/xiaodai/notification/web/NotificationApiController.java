package org.xiaodai.notification.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.notification.internal.DeliveryLog;
import org.xiaodai.shared.query.ListQuery;

/** The delivery log and the simulated SMS gateway's record. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Reminders and notices over SMS, e-mail and in-app messages: the delivery log.")
class NotificationApiController {

    private final DeliveryLog log;

    NotificationApiController(DeliveryLog log) {
        this.log = log;
    }

    @Operation(operationId = "listNotificationDeliveries",
            summary = "The delivery log, newest first: status, attempts and last error of every notice and channel")
    @GetMapping("/deliveries")
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    List<DeliveryLog.Delivery> deliveries(
            @Parameter(description = "PENDING, SENT, FAILED or SKIPPED") @RequestParam(required = false) String status,
            @Parameter(description = "SMS, EMAIL or IN_APP") @RequestParam(required = false) String channel,
            @Parameter(description = "e.g. ONE_TIME_CODE, REPAYMENT_DUE") @RequestParam(required = false) String event,
            @Parameter(description = "1–200, default 50") @RequestParam(required = false) Integer limit) {
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, ListQuery.MAX_SIZE));
        return log.page(new DeliveryLog.Filter(status, channel, event),
                new ListQuery("", "createdAt", true, 1, size)).items();
    }

    @Operation(operationId = "listSimulatedSms",
            summary = "What the simulated SMS gateway sent (demo and tests), newest first; for one mobile number when given")
    @GetMapping("/simulated-sms")
    @PreAuthorize("hasAuthority('notification:simulator:view')")
    List<DeliveryLog.SimulatedSms> simulatedSms(
            @Parameter(description = "11-digit mobile number") @RequestParam(required = false) String mobile,
            @Parameter(description = "1–200, default 50") @RequestParam(required = false) Integer limit) {
        return log.simulatedSms(mobile, limit == null ? 50 : limit);
    }
}
