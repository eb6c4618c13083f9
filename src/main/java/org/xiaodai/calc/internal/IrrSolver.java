package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The internal rate of return per period of equally spaced cash flows: the r with
 * Σ c_t/(1+r)^t = 0. Newton's method inside a bracket that shrinks on every step, falling back
 * to bisection whenever Newton leaves the bracket, so it always terminates: at most
 * {@link #MAX_ITERATIONS} evaluations. All arithmetic is {@link BigDecimal} at 34 digits.
 */
public final class IrrSolver {

    /** Upper bound on NPV evaluations. */
    public static final int MAX_ITERATIONS = 400;

    private static final MathContext MC = DayCount.MC;
    private static final BigDecimal LOWEST = new BigDecimal("-0.999999");
    private static final BigDecimal HIGHEST = new BigDecimal("1000000");
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-30");

    private IrrSolver() {
    }

    /**
     * @param flows c_0..c_n; c_0 is normally the negative net amount lent
     * @return the rate, or empty when NPV has no sign change between −99.9999 % and 10^8 %
     */
    public static Optional<BigDecimal> solve(List<BigDecimal> flows) {
        BigDecimal lo = LOWEST;
        BigDecimal hi = BigDecimal.ONE;
        BigDecimal fLo = npv(flows, lo)[0];
        BigDecimal fHi = npv(flows, hi)[0];
        while (fLo.signum() * fHi.signum() > 0 && hi.compareTo(HIGHEST) < 0) {
            hi = hi.multiply(BigDecimal.TEN);
            fHi = npv(flows, hi)[0];
        }
        if (fLo.signum() == 0) {
            return Optional.of(lo);
        }
        if (fLo.signum() * fHi.signum() > 0) {
            return Optional.empty();
        }
        return Optional.of(refine(flows, lo, hi, fLo.signum()));
    }

    private static BigDecimal refine(List<BigDecimal> flows, BigDecimal lo, BigDecimal hi, int signLo) {
        BigDecimal x = BigDecimal.ZERO.compareTo(lo) > 0 && BigDecimal.ZERO.compareTo(hi) < 0
                ? new BigDecimal("0.01") : midpoint(lo, hi);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            BigDecimal[] value = npv(flows, x);
            if (value[0].signum() == 0) {
                return x;
            }
            if (value[0].signum() == signLo) {
                lo = x;
            } else {
                hi = x;
            }
            BigDecimal next = value[1].signum() == 0 ? null : x.subtract(value[0].divide(value[1], MC));
            if (next == null || next.compareTo(lo) <= 0 || next.compareTo(hi) >= 0) {
                next = midpoint(lo, hi);
            }
            if (next.subtract(x).abs().compareTo(TOLERANCE) < 0 || hi.subtract(lo).compareTo(TOLERANCE) < 0) {
                return next;
            }
            x = next;
        }
        return x;
    }

    private static BigDecimal midpoint(BigDecimal lo, BigDecimal hi) {
        return lo.add(hi).divide(BigDecimal.valueOf(2), MC);
    }

    /** @return {NPV(r), dNPV/dr} by Horner's rule in v = 1/(1+r) */
    static BigDecimal[] npv(List<BigDecimal> flows, BigDecimal r) {
        BigDecimal v = BigDecimal.ONE.divide(BigDecimal.ONE.add(r), MC);
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (int t = flows.size() - 1; t >= 0; t--) {
            value = value.multiply(v, MC).add(flows.get(t), MC);
            weighted = weighted.multiply(v, MC).add(flows.get(t).multiply(BigDecimal.valueOf(t)), MC);
        }
        // d/dr Σ c_t v^t = −Σ t·c_t v^(t+1)
        return new BigDecimal[] {value, weighted.multiply(v, MC).negate()};
    }
}
