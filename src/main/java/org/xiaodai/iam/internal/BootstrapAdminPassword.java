package org.xiaodai.iam.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xiaodai.iam.domain.PasswordPolicy;

/**
 * The first platform administrator's password as configured ({@code XIAODAI_BOOTSTRAP_ADMIN_PASSWORD}),
 * checked against the same password policy as every other password before the account is made.
 */
@Component
class BootstrapAdminPassword {

    static final String SETTING = "XIAODAI_BOOTSTRAP_ADMIN_PASSWORD";
    private final String configured;
    private final PasswordPolicy policy;
    private final MessageSource messages;

    BootstrapAdminPassword(IamProperties properties, MessageSource messages) {
        this.configured = properties.bootstrapAdminPassword();
        this.policy = new PasswordPolicy(properties.passwordMinLength());
        this.messages = messages;
    }

    /**
     * The configured password for {@code username}, or empty when none is set and one is to be generated.
     *
     * @throws BootstrapPasswordRejectedException when it breaks the policy; the message names the rules
     *                                            in the server's language
     */
    Optional<String> forUser(String username) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        List<String> broken = policy.violations(configured, username).stream()
                .map(rule -> messages.getMessage("problem.password." + rule, new Object[] {policy.minLength()}, rule,
                        Locale.getDefault()))
                .toList();
        if (!broken.isEmpty()) {
            throw new BootstrapPasswordRejectedException(SETTING + " breaks the password policy: " + String.join("; ", broken));
        }
        return Optional.of(configured);
    }
}
