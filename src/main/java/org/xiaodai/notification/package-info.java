/**
 * Notifications (通知): reminders and notices to borrowers over SMS, e-mail and in-app messages,
 * each channel behind an adapter (a simulated SMS gateway by default, e-mail over real SMTP through
 * Spring's {@code JavaMailSender}, an in-app inbox the portal reads); templates per event and
 * language (zh/en) in the module's message bundle; a delivery log with retries and final failure;
 * quiet hours (22:00–08:00 by default) that hold back everything but one-time codes; and the
 * one-time-code service (验证码) the portal uses to register and sign borrowers in.
 * <p>
 * Messages carry no personal data beyond what they need: amounts, dates and masked numbers.
 * Other modules use {@link org.xiaodai.notification.Notifications} and
 * {@link org.xiaodai.notification.OneTimeCodes}; the module also reacts to other modules' events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"servicing", "customer", "origination", "approval", "contract", "eod", "iam", "audit", "shared",
                "platform::web"})
package org.xiaodai.notification;
