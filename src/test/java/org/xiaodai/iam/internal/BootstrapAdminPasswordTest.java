package org.xiaodai.iam.internal;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configured first-admin password meets the same policy as every password, or the start stops saying why. */
class BootstrapAdminPasswordTest {

    static BootstrapAdminPassword configured(String password) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new BootstrapAdminPassword(new IamProperties(10, 5, Duration.ofMinutes(15), Duration.ofHours(8), 30,
                password), messages);
    }

    @Test
    void noConfiguredPasswordMeansOneIsGenerated() {
        assertThat(configured(null).forUser("admin")).isEmpty();
        assertThat(configured(" ").forUser("admin")).isEmpty();
    }

    @Test
    void aPasswordThatMeetsThePolicyIsUsed() {
        assertThat(configured("Root@Test2026x").forUser("admin")).contains("Root@Test2026x");
    }

    @Test
    void aPasswordThatBreaksThePolicyNamesTheSettingAndEveryBrokenRule() {
        assertThatThrownBy(() -> configured("admin2026").forUser("admin"))
                .isInstanceOf(BootstrapPasswordRejectedException.class)
                .hasMessage("XIAODAI_BOOTSTRAP_ADMIN_PASSWORD breaks the password policy: must be at least 10 characters "
                        + "long; must contain at least three of: upper-case letters, lower-case letters, digits, symbols; "
                        + "must not contain the username");
    }

    @Test
    void theRulesAreInTheServersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThatThrownBy(() -> configured("Short@1x").forUser("admin"))
                    .hasMessage("XIAODAI_BOOTSTRAP_ADMIN_PASSWORD breaks the password policy: 长度至少为 10 个字符");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theFailureReportIsTheOneLineAndWhatToDo() {
        BootstrapPasswordRejectedException rejected = new BootstrapPasswordRejectedException("the line");
        FailureAnalysis analysis = new BootstrapPasswordFailureAnalyzer().analyze(new IllegalStateException(rejected));
        assertThat(analysis.getDescription()).isEqualTo("the line");
        assertThat(analysis.getAction()).contains("XIAODAI_BOOTSTRAP_ADMIN_PASSWORD");
    }
}
