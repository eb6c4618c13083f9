package org.xiaodai.notification.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextTest {

    @Test
    void fillsNamedPlaceholdersAndLeavesUnknownOnesVisible() {
        assertThat(TemplateText.fill("借款{reference}应还{amount}元，{missing}", Map.of("reference", "HT-1", "amount", "1,000.00")))
                .isEqualTo("借款HT-1应还1,000.00元，{missing}");
    }

    @Test
    void insertsValuesLiterallyWithoutExpandingThem() {
        assertThat(TemplateText.fill("{a}", Map.of("a", "{b} $1 \\"))).isEqualTo("{b} $1 \\");
    }
}
