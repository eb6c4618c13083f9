package org.xiaodai.iam.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a rejected bootstrap password into Spring Boot's start-up failure report — the rule that
 * was broken and what to do — instead of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class BootstrapPasswordFailureAnalyzer extends AbstractFailureAnalyzer<BootstrapPasswordRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BootstrapPasswordRejectedException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + BootstrapAdminPassword.SETTING
                + " to a password that meets the policy, or leave it unset to have one generated and printed once.",
                cause);
    }
}
