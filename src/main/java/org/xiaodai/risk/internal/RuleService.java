package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.domain.Rule;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;

/** The rules: every version readable by all, new versions added by the regulator only. */
@Service
public class RuleService {

    private final RuleStore store;
    private final InstitutionDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    RuleService(RuleStore store, InstitutionDirectory directory, AuditTrail audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(description = "One version of an early-warning rule.")
    public record RuleView(String code, int version, @Schema(example = "score-psi") String indicator,
                           @Schema(allowableValues = {"GT", "GE", "LT", "LE"}) String comparator,
                           @Schema(example = "0.1") String threshold,
                           @Schema(allowableValues = {"INFO", "WARNING", "CRITICAL"}) String severity,
                           @Schema(allowableValues = {"REGION", "INSTITUTION"}) String scope,
                           @Nullable UUID scopeInstitutionId, LocalDate effectiveFrom, boolean enabled,
                           @Schema(description = "True when something feeds the indicator today; a rule on an "
                                   + "indicator nobody feeds yet waits for it and never fires.") boolean fed,
                           @Schema(description = "True for the version in effect today.") boolean current,
                           String changedBy, Instant changedAt) {
    }

    /** A new version of a rule as typed; the code names the rule (new or existing). */
    public record RuleInput(String code, String indicator, String comparator, String threshold, String severity,
                            String scope, String scopeInstitutionId, String effectiveFrom, Boolean enabled) {
    }

    @Transactional(readOnly = true)
    public List<RuleView> all() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        var stored = store.history();
        var current = Rule.byCode(Rule.inEffect(stored.stream().map(RuleStore.Stored::rule).toList(), today));
        return stored.stream().map(s -> view(s, current.get(s.rule().code()))).toList();
    }

    /** Adds a version (the regulator): 400 naming every bad field; the code may be new or existing. */
    @Transactional
    public RuleView add(CurrentUser caller, RuleInput in) {
        if (!caller.isRegulator()) {
            throw ProblemException.forbidden("forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String code = in.code() == null ? "" : in.code().strip();
        if (!code.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            problems.add(FieldProblem.of("code", code.isEmpty() ? "required" : "codeFormat", 2, 64));
        }
        String indicator = in.indicator() == null ? "" : in.indicator().strip();
        if (!indicator.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            problems.add(FieldProblem.of("indicator", indicator.isEmpty() ? "required" : "codeFormat", 2, 64));
        }
        Rule.Comparison comparison = choice(problems, "comparator", in.comparator(), Rule.Comparison.class);
        Rule.Severity severity = choice(problems, "severity", in.severity(), Rule.Severity.class);
        Rule.Scope scope = choice(problems, "scope", in.scope(), Rule.Scope.class);
        BigDecimal threshold = null;
        var parsed = DecimalNumber.validate(in.threshold());
        if (parsed.isValid()) {
            threshold = parsed.toOptional().orElseThrow();
        } else {
            problems.add(in.threshold() == null || in.threshold().isBlank() ? FieldProblem.of("threshold", "required")
                    : FieldProblem.of("threshold", DecimalNumber.FORMAT, DecimalNumber.MAX_INTEGER_DIGITS,
                    DecimalNumber.MAX_FRACTION_DIGITS));
        }
        UUID institution = null;
        if (scope == Rule.Scope.INSTITUTION) {
            try {
                institution = UUID.fromString(in.scopeInstitutionId() == null ? "" : in.scopeInstitutionId().strip());
                if (directory.lender(institution).isEmpty()) {
                    problems.add(FieldProblem.of("scopeInstitutionId", "unknown"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("scopeInstitutionId", in.scopeInstitutionId() == null
                        || in.scopeInstitutionId().isBlank() ? "required" : "format"));
            }
        }
        LocalDate effective = null;
        try {
            effective = in.effectiveFrom() == null || in.effectiveFrom().isBlank() ? null : LocalDate.parse(in.effectiveFrom().strip());
            if (effective == null) {
                problems.add(FieldProblem.of("effectiveFrom", "required"));
            } else if (effective.getYear() < 1900 || effective.getYear() > 2999) {
                problems.add(FieldProblem.of("effectiveFrom", "dateRange"));
            }
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("effectiveFrom", "date"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Rule rule = new Rule(UUID.randomUUID(), code, store.latestVersion(code) + 1, indicator, comparison,
                threshold.stripTrailingZeros(), severity, scope, institution, effective, !Boolean.FALSE.equals(in.enabled()));
        Instant now = clock.instant();
        String by = caller.displayName() == null ? caller.username() : caller.displayName();
        store.insert(rule, by, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", code);
        after.put("version", rule.version());
        after.put("indicator", indicator);
        after.put("comparator", comparison.name());
        after.put("threshold", rule.threshold().toPlainString());
        after.put("severity", severity.name());
        after.put("scope", scope.name());
        after.put("effectiveFrom", effective.toString());
        after.put("enabled", rule.enabled());
        audit.record(AuditRecord.created("risk.rule.versioned", "risk-rule", rule.id(), institution, after));
        return view(new RuleStore.Stored(rule, by, now), null);
    }

    private static RuleView view(RuleStore.Stored s, Rule current) {
        Rule r = s.rule();
        return new RuleView(r.code(), r.version(), r.indicator(), r.comparator().name(), r.threshold().toPlainString(),
                r.severity().name(), r.scope().name(), r.scopeInstitution(), r.effectiveFrom(), r.enabled(),
                Indicators.FED.contains(r.indicator()), current != null && current.id().equals(r.id()), s.changedBy(),
                s.changedAt());
    }

    private static <E extends Enum<E>> E choice(List<FieldProblem> problems, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "oneOf", String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }
}
