package org.xiaodai.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The ledger's face for other modules and its own pages. Every method runs inside the caller's tenant wall. */
public interface Ledger {

    /** The trial balance (试算平衡表) of an institution through a date. */
    TrialBalance trialBalance(UUID institutionId, LocalDate date);

    /** The sub-ledger ↔ general-ledger reconciliation (总分核对) of an institution at the end of a date. */
    Reconciliation reconciliation(UUID institutionId, LocalDate date);

    /**
     * Loan-loss provisions (贷款损失准备) at the end of a date: the provision account's balance (credit − debit,
     * through the date, as end of day left it) and the configured rate per grade
     * ({@code xiaodai.ledger.provision-rates}, grade name → fraction of principal outstanding).
     */
    Provisioning provisioning(UUID institutionId, LocalDate date);

    /** The vouchers posted for one loan, oldest first. */
    List<Voucher> vouchersOfLoan(UUID loanId);

    /** @param accounts one line per account of the chart, in code order */
    record TrialBalance(LocalDate date, BigDecimal totalDebit, BigDecimal totalCredit, boolean balanced,
                        List<AccountLine> accounts) {
    }

    /**
     * @param debit   debits through the date
     * @param credit  credits through the date
     * @param dayDebit  debits posted on the date
     * @param dayCredit credits posted on the date
     * @param balance on the account's normal side (debit − credit for assets and expenses)
     */
    record AccountLine(String code, String role, String nameZh, String nameEn, String kind, BigDecimal debit,
                       BigDecimal credit, BigDecimal dayDebit, BigDecimal dayCredit, BigDecimal balance) {
    }

    /** @param held the provision account's balance on its normal (credit) side; zero before any provision */
    record Provisioning(LocalDate date, BigDecimal held, java.util.Map<String, BigDecimal> rates) {
        public Provisioning {
            rates = java.util.Map.copyOf(rates);
        }
    }

    /** One compared figure: the general ledger's balance, the sub-ledger's sum, their difference. */
    record ReconciliationLine(String item, String accountCode, BigDecimal generalLedger, BigDecimal subLedger,
                              BigDecimal difference) {
    }

    record Reconciliation(LocalDate date, long loans, BigDecimal difference, boolean reconciled,
                          List<ReconciliationLine> lines) {
    }

    record Voucher(UUID id, UUID eventId, LocalDate date, String kind, @org.jspecify.annotations.Nullable UUID loanId,
                   @org.jspecify.annotations.Nullable UUID reversesId, BigDecimal total,
                   List<Entry> entries) {
    }

    record Entry(String accountCode, String accountName, BigDecimal debit, BigDecimal credit) {
    }
}
