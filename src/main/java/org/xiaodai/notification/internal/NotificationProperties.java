package org.xiaodai.notification.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification settings ({@code xiaodai.notification.*}, documented in {@code application.yaml}).
 *
 * @param quietHoursStart     start of the quiet hours, local time of the region's zone
 * @param quietHoursEnd       their end; a window may cross midnight
 * @param maxAttempts         attempts of one delivery before it finally fails
 * @param retryDelay          wait after the first failed attempt, doubled after each further one
 * @param dispatchInterval    how often due deliveries (retries, the end of quiet hours) are looked for; 0 never
 * @param repaymentDueDays    how many days before a due date borrowers are reminded (e.g. 3 and 1)
 * @param codeLifetime        how long a one-time code works
 * @param codeResendInterval  the shortest wait between two codes for one number and purpose
 * @param codesPerHour        the most codes one number gets for one purpose in an hour
 * @param codeAttempts        wrong tries a code allows before it stops working
 * @param mailFrom            the sender address of e-mails
 */
@ConfigurationProperties("xiaodai.notification")
record NotificationProperties(
        @DefaultValue("22:00") LocalTime quietHoursStart,
        @DefaultValue("08:00") LocalTime quietHoursEnd,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("5s") Duration dispatchInterval,
        @DefaultValue({"3", "1"}) List<Integer> repaymentDueDays,
        @DefaultValue("5m") Duration codeLifetime,
        @DefaultValue("60s") Duration codeResendInterval,
        @DefaultValue("5") int codesPerHour,
        @DefaultValue("5") int codeAttempts,
        @DefaultValue("noreply@xiaodai.local") String mailFrom) {
}
