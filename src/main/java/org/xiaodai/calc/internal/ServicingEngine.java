package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.RepaymentAllocation;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.ServicingPolicy;

/**
 * Replays a loan's repayments over its schedule as the servicing README defines it. Between two
 * days on which something can change (a repayment, a due date, the end of a grace window, the
 * as-of date) nothing is paid, so the unpaid amounts are constant and the penalty base grows
 * linearly: the replay jumps from one such day to the next instead of walking every day.
 *
 * <p>Each installment accrues its penalty lazily ({@link InstallmentAccount#accrueUntil}): only when
 * what it owes changes or its penalty is read, so a long loan with many payments costs what the
 * payments touch, not days × installments.
 */
public final class ServicingEngine {

    private final ServicingPolicy policy;
    private final CurrencyRounding money;
    private final Rational dailyPenaltyRate;
    private final List<InstallmentAccount> accounts = new ArrayList<>();
    private final List<RepaymentAllocation> allocations = new ArrayList<>();
    private final Allocator allocator;
    private BigDecimal credit;

    private ServicingEngine(Schedule schedule, ServicingPolicy policy) {
        this.policy = policy;
        this.money = ScheduleEngine.money(schedule.terms());
        this.dailyPenaltyRate = Rational.of(schedule.terms().annualInterestRatePercent())
                .multiply(Rational.of(policy.penaltyRateMultiplier()))
                .divide(100L * policy.penaltyDaysInYear());
        LocalDate disbursement = schedule.terms().disbursementDate();
        for (Installment row : schedule.installments()) {
            accounts.add(new InstallmentAccount(row, disbursement, money.zero(), policy.compoundOverdueInterest()));
        }
        this.allocator = new Allocator(accounts, this::penaltyCharged, money.zero(), policy.graceDays());
        this.credit = money.zero();
    }

    /**
     * The position as of {@code asOf}. The inputs must have passed {@code ServicingValidator}.
     *
     * @param schedule the loan's schedule
     * @param policy the penalty, grace and grade rules
     * @param repayments in date order, none before disbursement or after {@code asOf}
     * @param asOf the date of the position
     * @return the position
     */
    public static LoanPosition position(Schedule schedule, ServicingPolicy policy, List<Repayment> repayments,
                                        LocalDate asOf) {
        return position(schedule, policy, repayments, List.of(), asOf);
    }

    /**
     * The position as of {@code asOf} when some of the credit balance was paid back to the borrower:
     * each refund leaves the credit at the end of its day, after that day's repayments.
     *
     * @param refunds in date order, each no larger than the credit it leaves
     */
    public static LoanPosition position(Schedule schedule, ServicingPolicy policy, List<Repayment> repayments,
                                        List<Repayment> refunds, LocalDate asOf) {
        ServicingEngine engine = new ServicingEngine(schedule, policy);
        engine.replay(repayments, refunds, asOf);
        return new PositionReport(engine.accounts, engine::penaltyCharged, engine.money, policy.classification())
                .as(asOf, engine.credit, engine.allocations);
    }

    /**
     * The positions as of {@code asOf} and as of the later {@code then} from one replay: what
     * {@link #position} gives for each date, the movements dated after a date left out of its
     * position (end of day reads a loan before and after closing a date with one run).
     * Replaying through {@code asOf} first only adds {@code asOf} as a day on which credit may be
     * applied, which changes nothing (README §7: credit can only meet something due on a due date, a
     * grace window's end, a repayment or refund day, all of which are checkpoints already).
     *
     * @param repayments in date order, none after {@code then}
     * @param refunds in date order, none after {@code then}
     */
    public static List<LoanPosition> positions(Schedule schedule, ServicingPolicy policy, List<Repayment> repayments,
                                               List<Repayment> refunds, LocalDate asOf, LocalDate then) {
        if (!then.isAfter(asOf)) {
            throw new IllegalArgumentException("then must follow asOf");
        }
        ServicingEngine engine = new ServicingEngine(schedule, policy);
        PositionReport report = new PositionReport(engine.accounts, engine::penaltyCharged, engine.money,
                policy.classification());
        TreeSet<LocalDate> days = new TreeSet<>(engine.checkpoints(repayments, then));
        days.add(asOf);
        refunds.forEach(r -> days.add(r.date()));
        int[] cursor = new int[2];
        engine.replay(repayments, refunds, days.headSet(asOf, true), cursor);
        LoanPosition first = report.as(asOf, engine.credit, List.copyOf(engine.allocations));
        engine.replay(repayments, refunds, days.subSet(asOf, false, then, true), cursor);
        LoanPosition second = report.as(then, engine.credit, engine.allocations);
        return List.of(first, second);
    }

    private void replay(List<Repayment> repayments, List<Repayment> refunds, LocalDate asOf) {
        TreeSet<LocalDate> days = new TreeSet<>(checkpoints(repayments, asOf));
        refunds.forEach(r -> days.add(r.date()));
        replay(repayments, refunds, days.headSet(asOf, true), new int[2]);
    }

    /** Replays the given days in order; {@code cursor} holds the next repayment's and refund's index. */
    private void replay(List<Repayment> repayments, List<Repayment> refunds, java.util.SortedSet<LocalDate> days,
                        int[] cursor) {
        int next = cursor[0];
        int nextRefund = cursor[1];
        for (LocalDate day : days) {
            applyCredit(day);
            while (next < repayments.size() && repayments.get(next).date().equals(day)) {
                BigDecimal amount = repayments.get(next).amount().setScale(money.digits(), RoundingMode.UNNECESSARY);
                RepaymentAllocation allocation = allocator.allocate(day, amount);
                allocations.add(allocation);
                credit = credit.add(allocation.toCredit());
                next++;
            }
            while (nextRefund < refunds.size() && refunds.get(nextRefund).date().equals(day)) {
                credit = credit.subtract(refunds.get(nextRefund).amount().min(credit));
                nextRefund++;
            }
        }
        cursor[0] = next;
        cursor[1] = nextRefund;
    }

    /** Every day on or before {@code asOf} on which something can change, in order. */
    private NavigableSet<LocalDate> checkpoints(List<Repayment> repayments, LocalDate asOf) {
        TreeSet<LocalDate> days = new TreeSet<>();
        repayments.forEach(r -> days.add(r.date()));
        for (InstallmentAccount account : accounts) {
            days.add(account.due());
            if (policy.graceDays() > 0) {
                days.add(account.due().plusDays(policy.graceDays() + 1L));
            }
        }
        days.add(asOf);
        return days.headSet(asOf, true);
    }

    /** README §7: at the start of a day on which anything is due, the credit pays it like a repayment. */
    private void applyCredit(LocalDate day) {
        if (credit.signum() > 0 && allocator.anythingDue(day)) {
            credit = allocator.allocate(day, credit).toCredit();
        }
    }

    /**
     * The penalty charged on an installment as of {@code day} (README §3, §5): the exact total accrued
     * before the day rounded once, or zero inside the grace window and for good when the installment
     * was fully paid within it. Days are asked in order, never earlier than before.
     */
    private BigDecimal penaltyCharged(InstallmentAccount account, LocalDate day) {
        account.accrueUntil(day);
        if (account.penaltyBase.signum() == 0) {
            return money.zero();
        }
        int grace = policy.graceDays();
        if (grace > 0) {
            LocalDate windowEnd = account.due().plusDays(grace);
            if (!day.isAfter(windowEnd) || (account.settledOn != null && !account.settledOn.isAfter(windowEnd))) {
                return money.zero();
            }
        }
        return dailyPenaltyRate.multiplyAndRound(account.penaltyBase, money.digits(), money.mode());
    }
}
