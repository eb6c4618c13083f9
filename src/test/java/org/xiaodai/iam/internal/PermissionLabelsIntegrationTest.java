package org.xiaodai.iam.internal;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every permission a module contributes has a label in each language, so the roles page, the
 * checker's view of a grant and the home page never show a bare code such as
 * {@code scoring:model:approve}.
 */
@IntegrationTest
class PermissionLabelsIntegrationTest {

    @Autowired
    AccessCatalogue catalogue;
    @Autowired
    MessageSource messages;

    @Test
    void everyContributedPermissionHasALabelInChineseAndEnglish() {
        assertThat(catalogue.codes()).isNotEmpty().allSatisfy(code -> {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                assertThat(messages.getMessage("permission." + code, null, null, locale))
                        .as("label of %s in %s", code, locale).isNotBlank();
            }
        });
    }
}
