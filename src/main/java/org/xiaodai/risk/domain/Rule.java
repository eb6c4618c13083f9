package org.xiaodai.risk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One version of an early-warning rule (预警规则): fires when the watched indicator's value compares
 * with the threshold as the comparator says, for the institutions of its scope, from its effective
 * date on. Pure data and logic: no Spring, no I/O.
 *
 * @param scopeInstitution the one institution of an {@code INSTITUTION}-scoped rule, null for {@code REGION}
 */
public record Rule(UUID id, String code, int version, String indicator, Comparison comparator, BigDecimal threshold,
                   Severity severity, Scope scope, UUID scopeInstitution, LocalDate effectiveFrom, boolean enabled) {

    /** How the value is compared with the threshold. */
    public enum Comparison {
        GT, GE, LT, LE;

        public boolean test(BigDecimal value, BigDecimal threshold) {
            int c = value.compareTo(threshold);
            return switch (this) {
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
            };
        }
    }

    /** How serious an alert is; later constants are more severe. */
    public enum Severity { INFO, WARNING, CRITICAL }

    /** Whom a rule applies to: every institution of the region, or one. */
    public enum Scope { REGION, INSTITUTION }

    public boolean appliesTo(UUID institutionId) {
        return enabled && (scope == Scope.REGION || institutionId.equals(scopeInstitution));
    }

    public boolean fires(BigDecimal value) {
        return comparator.test(value, threshold);
    }

    /**
     * Of {@code versions} (any codes, any dates), the version of each code in effect on {@code date}:
     * the latest effective date not after it, the highest version among equals.
     */
    public static List<Rule> inEffect(List<Rule> versions, LocalDate date) {
        Map<String, Optional<Rule>> latest = versions.stream().filter(r -> !r.effectiveFrom().isAfter(date))
                .collect(Collectors.groupingBy(Rule::code, Collectors.maxBy(Comparator.comparing(Rule::effectiveFrom)
                        .thenComparingInt(Rule::version))));
        return latest.values().stream().flatMap(Optional::stream).sorted(Comparator.comparing(Rule::code)).toList();
    }

    /**
     * The rule that raises the alert for {@code value} of {@code indicator} at {@code institutionId}:
     * of the rules in effect that apply and fire, the most severe (then the first by code).
     */
    public static Optional<Rule> firing(List<Rule> inEffect, String indicator, UUID institutionId, BigDecimal value) {
        return inEffect.stream().filter(r -> r.indicator().equals(indicator) && r.appliesTo(institutionId) && r.fires(value))
                .max(Comparator.comparing(Rule::severity).thenComparing(Rule::code, Comparator.reverseOrder()));
    }

    /** Index by code, for lookups. */
    public static Map<String, Rule> byCode(List<Rule> rules) {
        return rules.stream().collect(Collectors.toMap(Rule::code, Function.identity()));
    }
}
