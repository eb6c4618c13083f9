package org.xiaodai.calculator.web;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Form fields for 10,000.00 at 12% over 12 months, 等额本息, disbursed 2024-01-15: installment 888.49, APR 12.00%. */
final class CalculatorFormFixture {

    private CalculatorFormFixture() {
    }

    /** The valid fields with some replaced: {@code valid("numberOfRepayments", "0")}. */
    static MultiValueMap<String, String> valid(String... fieldValuePairs) {
        MultiValueMap<String, String> form = valid();
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            form.set(fieldValuePairs[i], fieldValuePairs[i + 1]);
        }
        return form;
    }

    static MultiValueMap<String, String> valid() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        CalculatorForm defaults = CalculatorForm.defaults(java.time.LocalDate.of(2024, 1, 15));
        form.add("principal", defaults.principal());
        form.add("annualInterestRatePercent", defaults.annualInterestRatePercent());
        form.add("numberOfRepayments", defaults.numberOfRepayments());
        form.add("repaymentEvery", defaults.repaymentEvery());
        form.add("repaymentFrequency", defaults.repaymentFrequency());
        form.add("amortization", defaults.amortization());
        form.add("disbursementDate", defaults.disbursementDate());
        form.add("firstRepaymentDate", defaults.firstRepaymentDate());
        form.add("interestMethod", defaults.interestMethod());
        form.add("interestAccrual", defaults.interestAccrual());
        form.add("installmentBasis", defaults.installmentBasis());
        form.add("daysInYear", defaults.daysInYear());
        form.add("daysInMonth", defaults.daysInMonth());
        form.add("roundingMode", defaults.roundingMode());
        form.add("installmentAmountInMultiplesOf", defaults.installmentAmountInMultiplesOf());
        form.add("graceOnPrincipalPeriods", defaults.graceOnPrincipalPeriods());
        form.add("graceOnInterestPaymentPeriods", defaults.graceOnInterestPaymentPeriods());
        return form;
    }
}
