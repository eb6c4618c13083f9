package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Set-based figures over an institution's loan book, for supervision's daily indicators (监管指标):
 * one aggregate pass per question, never a loan at a time. Runs inside the caller's tenant wall.
 * <p>
 * "On the books as of {@code asOf}": loans active or overdue today that were disbursed on or
 * before {@code asOf}, with their principal outstanding as stored. Days past due as of
 * {@code asOf} count at the start of the next day, as end of day leaves them: an installment due
 * on {@code asOf} and unpaid is 1 day past due. For a past date (a demo backfill) the grade is the
 * one the grade history held on that date.
 */
public interface LoanPortfolio {

    /**
     * Balances and counts of the book as of {@code asOf}, overdue principal by bucket, non-performing
     * principal (次级, 可疑, 损失) and the loans above the rate benchmark.
     *
     * @param benchmarks the rate benchmark in force from each date (4 × the 1-year LPR), any order;
     *                   a loan is compared with the benchmark in force on its disbursement date
     */
    BookFigures book(UUID institutionId, LocalDate asOf, List<Benchmark> benchmarks);

    /** The {@code limit} borrowers with the largest principal outstanding on the books, largest first. */
    List<BorrowerBalance> largestBorrowers(UUID institutionId, LocalDate asOf, int limit);

    /** Principal outstanding on the books of each of {@code customerIds} (absent: nothing outstanding). */
    Map<UUID, BigDecimal> balancesOf(UUID institutionId, LocalDate asOf, Collection<UUID> customerIds);

    /**
     * Disbursements completed in {@code [from, to)}: how many, and the hours from contract
     * acceptance (or the loan's opening when it has none) to the bank's confirmation, summed.
     */
    Durations disbursementTimes(UUID institutionId, Instant from, Instant to);

    /** A benchmark rate in percent (e.g. 12.00), in force from {@code effectiveFrom}. */
    record Benchmark(LocalDate effectiveFrom, BigDecimal percent) {
    }

    /**
     * @param overdueByBucket overdue principal by days past due: keys {@code 1-30}, {@code 31-60},
     *                        {@code 61-90}, {@code 91-180}, {@code 181+} (all present)
     */
    record BookFigures(LocalDate asOf, long loans, BigDecimal principal, long overdueLoans, BigDecimal overduePrincipal,
                       Map<String, BigDecimal> overdueByBucket, BigDecimal nonPerformingPrincipal,
                       long aboveBenchmarkLoans, BigDecimal aboveBenchmarkPrincipal) {
    }

    record BorrowerBalance(UUID customerId, BigDecimal principal) {
    }

    /** @param hours the sum over {@code count} items (divide for the average) */
    record Durations(long count, BigDecimal hours) {
    }

    /**
     * The book as of {@code asOf} by the borrower's segment, from customer's published read
     * {@code customer_reporting_segments()}: {@code region} (GB/T 2260 code) and {@code industry}
     * (GB/T 4754 section letter); loans whose borrower has no region or industry are left out of that dimension.
     * Overdue: a loan with an installment unpaid since {@code asOf} or before (as in {@link #book}).
     */
    List<SegmentFigures> bySegment(UUID institutionId, LocalDate asOf);

    /** One segment of the book: {@code dimension} is {@code region} or {@code industry}. */
    record SegmentFigures(String dimension, String key, BigDecimal principal, BigDecimal overduePrincipal) {
    }
}
