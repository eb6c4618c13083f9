package org.xiaodai.contract.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF draws the stored text with the shipped CJK font, embedded as a subset, the annualised rate largest. */
class ContractPdfTest {

    @Test
    void theAnnualisedRateIsTheLargestRateAndTheChineseFontIsEmbeddedAsASubset() {
        String text = "# 借款合同\n## 第四条　利率与年化利率\n!! 年化利率（APR）：9.60%\n合同执行利率为年利率 9.6%。\n|期次|到期日\n|1|2027-01-02\n";
        byte[] pdf = ContractPdf.render(text, "HZXD-2026-000001");
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF").contains("/FontFile2", "/Identity-H", "/CIDFontType2")
                .doesNotContain("/STSong-Light");
        assertThat(raw).as("a subset font (tag+name), not the whole 5 MB collection").containsPattern("/[A-Z]{6}\\+WenQuanYi");
        assertThat(pdf.length).isLessThan(300_000);
        assertThat(ContractPdf.APR_SIZE).isGreaterThan(ContractPdf.BODY_SIZE * 1.5f);
    }
}
