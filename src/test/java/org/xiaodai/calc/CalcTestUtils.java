package org.xiaodai.calc;

import java.math.BigDecimal;

/** Fixtures for calc tests: builders with sensible defaults. */
final class CalcTestUtils {

    static final LoanCalculator CALCULATOR = new LoanCalculator();

    private CalcTestUtils() {
    }

    /** 等额本息 10000.00 at 12 % over 12 months, disbursed 2025-01-15, first due 2025-02-15. */
    static LoanTerms.Builder debx() {
        return LoanTerms.builder()
                .principal("10000.00")
                .annualInterestRatePercent("12")
                .numberOfRepayments(12)
                .disbursementDate("2025-01-15")
                .firstRepaymentDate("2025-02-15");
    }

    static Schedule schedule(LoanTerms.Builder terms) {
        return CALCULATOR.schedule(terms.build()).value();
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
