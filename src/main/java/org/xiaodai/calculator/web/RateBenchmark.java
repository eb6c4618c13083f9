package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rate benchmark the calculator warns about: 4 × the 1-year loan prime rate (LPR, 贷款市场报价利率),
 * the line above which interest is not protected for private lending and which supervisors use
 * for licensed microloan companies (DOMAIN.md §3). A rate above it is still calculated — the page
 * shows a warning naming the benchmark, never a refusal.
 * <p>
 * The LPR here is one configured value ({@code xiaodai.calculator.lpr-one-year-percent}, 3.0 since
 * 2025-05-20). <strong>Temporary:</strong> it is to be replaced by the product module's LPR table
 * (an LPR per date), at which point the benchmark is read for the disbursement date.
 */
@Component
@EnableConfigurationProperties(RateBenchmark.Settings.class)
class RateBenchmark {

    static final BigDecimal MULTIPLE = BigDecimal.valueOf(4);
    private final BigDecimal lprPercent;

    /** The configured 1-year LPR in percent; to be replaced by the product module's LPR table. */
    @ConfigurationProperties("xiaodai.calculator")
    record Settings(BigDecimal lprOneYearPercent) {
        Settings {
            if (lprOneYearPercent == null) {
                lprOneYearPercent = new BigDecimal("3.0");
            }
            if (lprOneYearPercent.signum() <= 0) {
                throw new IllegalArgumentException("xiaodai.calculator.lpr-one-year-percent must be positive");
            }
        }
    }

    RateBenchmark(Settings settings) {
        this.lprPercent = settings.lprOneYearPercent();
    }

    /** The result of comparing a rate with the benchmark, all figures as percent text with two decimals. */
    record Check(boolean above, String ratePercent, String lprPercent, String benchmarkPercent) {
    }

    /** Compares an annualised rate in percent (e.g. {@code "12.68"}) with 4 × LPR. */
    Check check(String annualRatePercent) {
        BigDecimal rate = new BigDecimal(annualRatePercent);
        BigDecimal limit = lprPercent.multiply(MULTIPLE);
        return new Check(rate.compareTo(limit) > 0, rate.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                lprPercent.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                limit.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
}
