package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A balanced voucher (凭证) to book, published synchronously inside the transaction of the business
 * event it records; {@code ledger} books it in that transaction, once per {@code eventId} (posting
 * the same event again books nothing). Debits equal credits by construction.
 *
 * @param eventId     the business event's id (a transaction id, an end-of-day partition's key…)
 * @param institutionId whose books
 * @param date        the business date it is booked on
 * @param kind        what happened, e.g. {@code DISBURSEMENT}, {@code REPAYMENT}, {@code ACCRUAL}
 * @param loanId      the loan it concerns, null for aggregates (accrual, provisions per day)
 * @param reversesEventId the event whose voucher this one reverses, null otherwise
 * @param lines       at least two, each with a positive amount
 */
public record LedgerPosting(UUID eventId, UUID institutionId, LocalDate date, String kind, UUID loanId,
                            UUID reversesEventId, List<Line> lines) {

    public LedgerPosting {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(institutionId, "institutionId");
        lines = List.copyOf(lines);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.debit()) {
                debit = debit.add(line.amount());
            } else {
                credit = credit.add(line.amount());
            }
        }
        if (debit.compareTo(credit) != 0) {
            throw new IllegalArgumentException("Unbalanced posting " + kind + ": debit " + debit + " credit " + credit);
        }
    }

    /** @return Σ debits (= Σ credits) */
    public BigDecimal total() {
        return lines.stream().filter(Line::debit).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One side of the voucher: {@code amount} > 0 debited or credited to the account of {@code role}. */
    public record Line(AccountRole role, boolean debit, BigDecimal amount) {
        public Line {
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("A ledger line needs a positive amount: " + amount);
            }
        }

        public static Line debit(AccountRole role, BigDecimal amount) {
            return new Line(role, true, amount);
        }

        public static Line credit(AccountRole role, BigDecimal amount) {
            return new Line(role, false, amount);
        }
    }

    /**
     * Many postings published at once (end of day's withholdings): {@code ledger} books each as if
     * published alone — one voucher per posting, idempotent on its event id — with a few batched
     * statements instead of a few per posting.
     */
    public record Batch(List<LedgerPosting> postings) {
        public Batch {
            postings = List.copyOf(postings);
        }
    }
}
