package org.xiaodai.iam.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param passwordMinLength       minimum password length
 * @param maxFailedLogins         wrong passwords in a row before the account locks
 * @param lockDuration            how long a locked account stays locked
 * @param tokenLifetime           lifetime of an API bearer token
 * @param loginAttemptsPerMinute  sign-in attempts (form, token, password change) per client address per minute
 * @param bootstrapAdminPassword  password of the first platform admin ({@code XIAODAI_BOOTSTRAP_ADMIN_PASSWORD});
 *                                when empty a random one is generated and printed once
 */
@ConfigurationProperties("xiaodai.iam")
public record IamProperties(
        @DefaultValue("10") int passwordMinLength,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("30") int loginAttemptsPerMinute,
        String bootstrapAdminPassword) {
}
