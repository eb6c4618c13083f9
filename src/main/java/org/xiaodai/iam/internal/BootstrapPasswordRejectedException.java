package org.xiaodai.iam.internal;

/**
 * The configured first-administrator password breaks the password policy: a configuration mistake
 * that stops the start, reported in one line by {@link BootstrapPasswordFailureAnalyzer}.
 */
class BootstrapPasswordRejectedException extends IllegalStateException {

    /** @param message names the setting and every broken rule */
    BootstrapPasswordRejectedException(String message) {
        super(message);
    }
}
