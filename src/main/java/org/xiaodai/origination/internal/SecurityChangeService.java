package org.xiaodai.origination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes of a loan's security after its contract (担保变更): the collateral and guarantors in full after the change,
 * effective on the institution's business date, with a reason; append-only and audited. The monthly loan-level detail
 * reports a loan whose security changed in the month with report-time code 30 (DOMAIN.md §6), through the published
 * read {@code origination_security_changes(from, to)}; the statistical return's security lines follow the latest
 * change in force at the month end ({@code origination_loan_security(as_of)}).
 */
@Service
public class SecurityChangeService {

    /** A change as entered: the security after it. */
    public record SecurityChange(List<NewApplication.Collateral> collateral, List<UUID> guarantors, String reason) {
        public SecurityChange {
            collateral = collateral == null ? List.of() : List.copyOf(collateral);
            guarantors = guarantors == null ? List.of() : List.copyOf(guarantors);
        }
    }

    /** A recorded change: its id and the business date it took effect on. */
    public record Recorded(UUID id, LocalDate changedOn) {
    }

    private final JdbcClient jdbc;
    private final ApplicationStore store;
    private final ApplicationService applications;
    private final Customers customers;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;

    SecurityChangeService(JdbcClient jdbc, ApplicationStore store, ApplicationService applications, Customers customers,
                          AuditTrail audit, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.applications = applications;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Records a change of the security of the loan application {@code id} became: 404 outside the caller's scope, 409
     * {@code application-state} before the loan exists, 400 naming the field for an unknown guarantor, the borrower as
     * guarantor, a valuation after the business date, a missing reason, or a security that is the one in force.
     */
    @Transactional
    public Recorded record(CurrentUser caller, UUID id, SecurityChange change) {
        ApplicationStore.Row row = store.forUpdate(caller.scope(), id);
        if (row.loanId() == null) {
            throw ProblemException.conflict("application-state", row.status());
        }
        LocalDate today = applications.today(row.institutionId());
        Checked checked = check(row, today, change);
        if (!checked.problems().isEmpty()) {
            throw ProblemException.invalid(checked.problems());
        }
        String collateral = checked.collateral();
        String guarantors = checked.guarantors();
        String reason = checked.reason();
        UUID changeId = UUID.randomUUID();
        jdbc.sql("""
                insert into origination_security_change (id, institution_id, application_id, loan_id, changed_on, collateral,
                    guarantors, reason, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""")
                .params(changeId, row.institutionId(), id, row.loanId(), today, collateral, guarantors, reason,
                        caller.userId(), Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.created("origination.security.changed", "application", id, row.institutionId(),
                Map.of("loanId", row.loanId(), "changedOn", today.toString(), "collateral", collateral,
                        "guarantors", guarantors, "reason", reason)));
        return new Recorded(changeId, today);
    }

    /**
     * What {@link #record} would refuse, without writing (the page's live validation): the field problems, empty when
     * the change may be recorded. 404 outside the caller's scope, 409 before the loan exists, as {@link #record}.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(CurrentUser caller, UUID id, SecurityChange change) {
        ApplicationStore.Row row = store.inScope(caller.scope(), id);
        if (row.loanId() == null) {
            throw ProblemException.conflict("application-state", row.status());
        }
        return check(row, applications.today(row.institutionId()), change).problems();
    }

    /** One recorded change as the application's page lists it: the security after it, by name. */
    public record HistoryEntry(UUID id, LocalDate changedOn, List<NewApplication.Collateral> collateral,
                               List<String> guarantorNames, String reason, UUID changedBy, java.time.Instant changedAt) {
    }

    /** The changes of the security of the application {@code id}, latest first; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser caller, UUID id) {
        ApplicationStore.Row row = store.inScope(caller.scope(), id);
        return jdbc.sql("""
                select id, changed_on, collateral::text as collateral, guarantors::text as guarantors, reason, changed_by,
                       changed_at
                  from origination_security_change where application_id = ? order by changed_on desc, changed_at desc""")
                .param(row.id())
                .query((rs, n) -> new HistoryEntry(rs.getObject("id", UUID.class), rs.getObject("changed_on", LocalDate.class),
                        collateral(rs.getString("collateral")), guarantorNames(rs.getString("guarantors")),
                        rs.getString("reason"), rs.getObject("changed_by", UUID.class),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private List<NewApplication.Collateral> collateral(String text) {
        List<NewApplication.Collateral> items = new ArrayList<>();
        for (var c : json.readTree(text)) {
            items.add(new NewApplication.Collateral(
                    org.xiaodai.origination.domain.CollateralType.valueOf(c.get("type").asString()),
                    c.has("description") && !c.get("description").isNull() ? c.get("description").asString() : null,
                    new java.math.BigDecimal(c.get("valuation").asString()), LocalDate.parse(c.get("valuationDate").asString())));
        }
        return items;
    }

    private List<String> guarantorNames(String text) {
        List<String> names = new ArrayList<>();
        for (var g : json.readTree(text)) {
            UUID customer = UUID.fromString(g.asString());
            names.add(customers.profile(customer).map(p -> p.name()).orElse(customer.toString().substring(0, 8)));
        }
        return names;
    }

    private record Checked(List<FieldProblem> problems, String collateral, String guarantors, String reason) {
    }

    /** The field rules of a change against the application's row and the business date. */
    private Checked check(ApplicationStore.Row row, LocalDate today, SecurityChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < change.guarantors().size(); i++) {
            UUID g = change.guarantors().get(i);
            if (g.equals(row.customerId())) {
                problems.add(FieldProblem.of("guarantors[" + i + "]", "guarantorIsBorrower"));
            } else if (customers.profile(g).isEmpty()) {
                problems.add(FieldProblem.of("guarantors[" + i + "]", "unknown"));
            }
        }
        for (int i = 0; i < change.collateral().size(); i++) {
            if (change.collateral().get(i).valuationDate().isAfter(today)) {
                problems.add(FieldProblem.of("collateral[" + i + "].valuationDate", "notInFuture"));
            }
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty()) {
            problems.add(FieldProblem.of("reason", "required"));
        } else if (reason.length() > 1000) {
            problems.add(FieldProblem.of("reason", "size", 1, 1000));
        }
        String collateral = json.writeValueAsString(collateralJson(change.collateral()));
        String guarantors = json.writeValueAsString(change.guarantors().stream().map(UUID::toString).toList());
        if (problems.isEmpty() && unchanged(row, collateral, guarantors)) {
            problems.add(FieldProblem.of("guarantors", "securityUnchanged"));
        }
        return new Checked(problems, collateral, guarantors, reason);
    }

    /** True when the security after the change is the one in force (the latest change's, else the contract's). */
    private boolean unchanged(ApplicationStore.Row row, String collateral, String guarantors) {
        Map<String, Object> latest = jdbc.sql("""
                select collateral::text as collateral, guarantors::text as guarantors from origination_security_change
                 where application_id = ? order by changed_on desc, changed_at desc limit 1""").param(row.id())
                .query().listOfRows().stream().findFirst().orElse(null);
        String currentCollateral = latest == null ? row.collateralJson() : (String) latest.get("collateral");
        String currentGuarantors = latest == null ? row.guarantorsJson() : (String) latest.get("guarantors");
        return json.readTree(currentCollateral == null ? "[]" : currentCollateral).equals(json.readTree(collateral))
                && json.readTree(currentGuarantors == null ? "[]" : currentGuarantors).equals(json.readTree(guarantors));
    }

    private static List<Map<String, Object>> collateralJson(List<NewApplication.Collateral> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NewApplication.Collateral c : items) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", c.type().name());
            line.put("description", c.description());
            line.put("valuation", c.valuation().toPlainString());
            line.put("valuationDate", c.valuationDate().toString());
            out.add(line);
        }
        return out;
    }
}
