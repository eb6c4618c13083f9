package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.calc.ServicingRequest;
import org.xiaodai.calc.Violation;

/**
 * Checks a servicing request against servicing README §1: the policy's ranges, and repayments that
 * are positive, in the currency's unit, in date order and between disbursement and the as-of date.
 * Fields are named as in the JSON request ({@code policy.graceDays}, {@code events[2].date}); terms
 * are checked by the schedule validator with their names prefixed {@code terms.}.
 */
public final class ServicingValidator {

    /** The most repayments one request may replay. */
    public static final int MAX_REPAYMENTS = 5000;

    private final List<Violation> violations = new ArrayList<>();

    private ServicingValidator() {
    }

    /** @return every violation of the request, empty if it can be computed */
    public static List<Violation> validate(ServicingRequest request) {
        ServicingValidator v = new ServicingValidator();
        if (request == null) {
            v.add("body", "required", "the request is required");
            return v.violations;
        }
        for (Violation t : TermsValidator.validate(request.terms())) {
            v.violations.add(new Violation("terms." + t.field(), t.rule(), t.message()));
        }
        v.policy(request.policy());
        if (request.asOf() == null) {
            v.add("asOf", "required", "asOf is required");
        } else if (request.terms() != null && request.terms().disbursementDate() != null
                && request.asOf().isBefore(request.terms().disbursementDate())) {
            v.add("asOf", "beforeDisbursement", "asOf must not be before the disbursement date");
        } else if (request.asOf().getYear() > 9999) {
            v.add("asOf", "max", "asOf must be before the year 10000");
        }
        v.repayments(request);
        return v.violations;
    }

    private void policy(ServicingPolicy policy) {
        if (policy == null) {
            add("policy", "required", "policy is required");
            return;
        }
        BigDecimal m = policy.penaltyRateMultiplier();
        if (m == null) {
            add("policy.penaltyRateMultiplier", "required", "penaltyRateMultiplier is required");
        } else if (m.signum() < 0) {
            add("policy.penaltyRateMultiplier", "min", "penaltyRateMultiplier must not be negative");
        }
        if (policy.penaltyDaysInYear() < 1) {
            add("policy.penaltyDaysInYear", "positive", "penaltyDaysInYear must be at least 1");
        }
        if (policy.graceDays() < 0) {
            add("policy.graceDays", "min", "graceDays must not be negative");
        } else if (policy.graceDays() > ServicingPolicy.MAX_GRACE_DAYS) {
            add("policy.graceDays", "max", "graceDays must be at most " + ServicingPolicy.MAX_GRACE_DAYS);
        }
        if (policy.classification() == null) {
            add("policy.classification", "required", "classification is required");
        }
    }

    private void repayments(ServicingRequest request) {
        List<Repayment> repayments = request.repayments();
        if (repayments == null) {
            add("events", "required", "events is required (an empty list when nothing was paid)");
            return;
        }
        if (repayments.size() > MAX_REPAYMENTS) {
            add("events", "max", "at most " + MAX_REPAYMENTS + " events");
            return;
        }
        LoanTerms terms = request.terms();
        LocalDate previous = null;
        for (int i = 0; i < repayments.size(); i++) {
            Repayment r = repayments.get(i);
            String field = "events[" + i + "]";
            if (r == null) {
                add(field, "required", "an event is required");
                continue;
            }
            amount(field + ".amount", r.amount(), terms == null ? -1 : terms.currencyDigits());
            previous = date(field + ".date", r.date(), previous, request);
        }
    }

    private void amount(String field, BigDecimal amount, int digits) {
        if (amount == null) {
            add(field, "required", "the amount is required");
        } else if (amount.signum() <= 0) {
            add(field, "positive", "the amount must be greater than zero");
        } else if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
            add(field, "currencyScale", "the amount has more decimals than the currency allows");
        }
    }

    /** @return the date to compare the next event with */
    private LocalDate date(String field, LocalDate date, LocalDate previous, ServicingRequest request) {
        if (date == null) {
            add(field, "required", "the date is required");
            return previous;
        }
        LocalDate disbursement = request.terms() == null ? null : request.terms().disbursementDate();
        if (previous != null && date.isBefore(previous)) {
            add(field, "outOfOrder", "events must be listed in date order");
        } else if (disbursement != null && date.isBefore(disbursement)) {
            add(field, "beforeDisbursement", "an event must not be before the disbursement date");
        } else if (request.asOf() != null && date.isAfter(request.asOf())) {
            add(field, "afterAsOf", "an event must not be after asOf");
        }
        return previous == null || date.isAfter(previous) ? date : previous;
    }

    private void add(String field, String rule, String message) {
        violations.add(new Violation(field, rule, message));
    }
}
