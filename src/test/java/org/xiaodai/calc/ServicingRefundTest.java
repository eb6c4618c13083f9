package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Credit refunds (溢缴款退还) in the engine: a refund leaves the credit at the end of its day and is never applied later. */
class ServicingRefundTest {

    final ServicingCalculator engine = new ServicingCalculator();
    final Schedule schedule = new LoanCalculator().schedule(LoanTerms.builder().principal("12000.00")
            .annualInterestRatePercent("12").numberOfRepayments(12).disbursementDate("2025-01-15")
            .firstRepaymentDate("2025-02-15").build()).value();

    @Test
    void aRefundedOverpaymentSettlesNothingWhenTheInstallmentFallsDue() {
        List<Repayment> paid = List.of(new Repayment(LocalDate.of(2025, 2, 1), new BigDecimal("500.00")));
        LoanPosition kept = engine.position(schedule, ServicingPolicy.standard(), paid, List.of(),
                LocalDate.of(2025, 2, 20)).value();
        LoanPosition refunded = engine.position(schedule, ServicingPolicy.standard(), paid,
                List.of(new Repayment(LocalDate.of(2025, 2, 3), new BigDecimal("500.00"))), LocalDate.of(2025, 2, 20)).value();
        assertThat(kept.installments().get(0).paidInterest()).isPositive();
        assertThat(refunded.installments().get(0).paidInterest()).isZero();
        assertThat(refunded.credit()).isZero();
        assertThat(refunded.daysPastDue()).isEqualTo(5);
    }

    @Test
    void aPartialRefundLeavesTheRestAsCredit() {
        List<Repayment> paid = List.of(new Repayment(LocalDate.of(2025, 2, 1), new BigDecimal("500.00")));
        LoanPosition p = engine.position(schedule, ServicingPolicy.standard(), paid,
                List.of(new Repayment(LocalDate.of(2025, 2, 1), new BigDecimal("120.00"))), LocalDate.of(2025, 2, 10)).value();
        assertThat(p.credit()).isEqualByComparingTo("380.00");
    }
}
