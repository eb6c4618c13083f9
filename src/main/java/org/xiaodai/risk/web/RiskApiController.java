package org.xiaodai.risk.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.risk.internal.AlertService;
import org.xiaodai.risk.internal.AlertService.AlertDetail;
import org.xiaodai.risk.internal.AlertService.AlertView;
import org.xiaodai.risk.internal.RuleService;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;

/** Early-warning alerts (scoped by the tenant wall) and the rules that raise them. */
@RestController
@RequestMapping("/api/v1/risk")
@Tag(name = "Early warning", description = "Alerts with their lifecycle, and the configurable rules.")
class RiskApiController {

    private final AlertService alerts;
    private final RuleService rules;

    RiskApiController(AlertService alerts, RuleService rules) {
        this.alerts = alerts;
        this.rules = rules;
    }

    @Schema(description = "One page of alerts: the rows, how many match in all, the page number (from 1) and size.")
    record AlertPage(List<AlertView> items, long total, int page, int size) {
    }

    @Schema(description = "An optional note.")
    record NoteRequest(String note) {
    }

    @Schema(description = "Who takes the alert.")
    record AssignRequest(@Schema(example = "郑丽华") String assignee) {
    }

    @Schema(description = "A new version of a rule (new or existing code), in effect from `effectiveFrom`.")
    record RuleRequest(@Schema(example = "score-drift") String code, @Schema(example = "score-psi") String indicator,
                       @Schema(allowableValues = {"GT", "GE", "LT", "LE"}) String comparator,
                       @Schema(example = "0.12") String threshold,
                       @Schema(allowableValues = {"INFO", "WARNING", "CRITICAL"}) String severity,
                       @Schema(allowableValues = {"REGION", "INSTITUTION"}) String scope,
                       @Schema(description = "The institution of an INSTITUTION-scoped rule.", format = "uuid") String scopeInstitutionId,
                       @Schema(example = "2027-01-01") String effectiveFrom, Boolean enabled) {
    }

    @Operation(operationId = "listAlerts", summary = "Alerts the caller may see, newest first",
            description = "An institution sees its own, the regulator every institution's. Paged (`page`, `size`), "
                    + "searchable (`q`), sortable (`sort` = raised, severity, status, rule; `dir`), filtered by `status` "
                    + "and `severity`.")
    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('risk:view')")
    AlertPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                               @RequestParam(required = false) String dir, @RequestParam(required = false) String page,
                               @RequestParam(required = false) String size, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String severity) {
        PageResult<AlertView> result = alerts.page(CurrentUsers.require(), ListQuery.of(q, sort, dir, page, size,
                AlertService.SORTING), status, severity);
        return new AlertPage(result.items(), result.total(), result.query().page(), result.query().size());
    }

    @Operation(operationId = "getAlert", summary = "One alert with its history")
    @GetMapping("/alerts/{id}")
    @PreAuthorize("hasAuthority('risk:view')")
    AlertDetail get(@PathVariable UUID id) {
        return alerts.detail(CurrentUsers.require(), id);
    }

    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an open alert")
    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('risk:manage')")
    AlertView acknowledge(@PathVariable UUID id, @RequestBody(required = false) NoteRequest r) {
        return alerts.acknowledge(CurrentUsers.require(), id, r == null ? null : r.note());
    }

    @Operation(operationId = "resolveAlert", summary = "Resolve an alert with a note (required)")
    @PostMapping("/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('risk:manage')")
    AlertView resolve(@PathVariable UUID id, @RequestBody NoteRequest r) {
        return alerts.resolve(CurrentUsers.require(), id, r.note());
    }

    @Operation(operationId = "assignAlert", summary = "Assign an unresolved alert to a person")
    @PostMapping("/alerts/{id}/assign")
    @PreAuthorize("hasAuthority('risk:manage')")
    AlertView assign(@PathVariable UUID id, @RequestBody AssignRequest r) {
        return alerts.assign(CurrentUsers.require(), id, r.assignee());
    }

    @Operation(operationId = "listRiskRules", summary = "Every version of every early-warning rule",
            description = "`current` marks the version in effect today; `fed` says whether anything feeds the indicator "
                    + "yet (rules on loan indicators wait for servicing).")
    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('risk:view')")
    List<RuleService.RuleView> rules() {
        return rules.all();
    }

    @Operation(operationId = "addRiskRuleVersion", summary = "Add a version of a rule (the regulator)")
    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('risk:rule:manage')")
    RuleService.RuleView addRule(@RequestBody RuleRequest r) {
        return rules.add(CurrentUsers.require(), new RuleService.RuleInput(r.code(), r.indicator(), r.comparator(),
                r.threshold(), r.severity(), r.scope(), r.scopeInstitutionId(), r.effectiveFrom(), r.enabled()));
    }
}
