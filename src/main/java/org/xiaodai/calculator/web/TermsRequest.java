package org.xiaodai.calculator.web;

/**
 * Exactly the {@code terms} object of the schedule conformance vectors: amounts and rates are
 * decimal strings, enumerations their constant names. Everything is read as text first so that a
 * wrong value is reported against its field rather than as unreadable JSON.
 */
record TermsRequest(
        String principal,
        String annualInterestRatePercent,
        Integer currencyDigits,
        String roundingMode,
        String amortization,
        String interestMethod,
        String interestAccrual,
        String installmentBasis,
        Integer numberOfRepayments,
        Integer repaymentEvery,
        String repaymentFrequency,
        String daysInYear,
        String daysInMonth,
        String disbursementDate,
        String firstRepaymentDate,
        String installmentAmountInMultiplesOf,
        Integer graceOnPrincipalPeriods,
        Integer graceOnInterestPaymentPeriods,
        String emiAdjustment) {
}
