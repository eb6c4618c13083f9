package org.xiaodai.supervision.web;

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
import org.xiaodai.supervision.internal.IndicatorService;
import org.xiaodai.supervision.internal.IndicatorViews;
import org.xiaodai.supervision.internal.LoanFeedService;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.supervision.internal.RegionStatistics;
import org.xiaodai.supervision.internal.RegistryService;
import org.xiaodai.supervision.internal.RegistryViews.IndicatorPoint;
import org.xiaodai.supervision.internal.RegistryViews.InstitutionDetail;
import org.xiaodai.supervision.internal.RegistryViews.InstitutionOverview;
import org.xiaodai.supervision.internal.RegistryViews.LicenceView;

/** The institution registry and indicators for the regulator; an institution reads its own entry. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision", description = "Institution registry (licences), indicators and region aggregates.")
class SupervisionApiController {

    private final RegistryService registry;
    private final RegionStatistics region;
    private final IndicatorService indicators;
    private final LoanFeedService feed;

    SupervisionApiController(RegistryService registry, RegionStatistics region, IndicatorService indicators,
                             LoanFeedService feed) {
        this.feed = feed;
        this.registry = registry;
        this.region = region;
        this.indicators = indicators;
    }

    @Schema(description = "A new version of an institution's registry entry; amounts are CNY decimal strings.")
    record RegistryRequest(@Schema(example = "2027-01-01") String effectiveFrom,
                           @Schema(example = "浙金管〔2019〕18号") String licenceNumber,
                           @Schema(description = "GB/T 2260 code of the licensed area.", example = "330000") String licensedRegion,
                           @Schema(description = "PERSONAL_CONSUMPTION, INDIVIDUAL_BUSINESS, FARMER, SMALL_ENTERPRISE")
                           List<String> businessScope, Boolean onlineLending,
                           @Schema(example = "300000000.00") String registeredCapital,
                           @Schema(description = "Prior-year-end net assets.", example = "362800000.00") String netAssets,
                           @Schema(example = "2025") String netAssetsYear, @Schema(example = "150000000.00") String bankLoans,
                           @Schema(example = "40000000.00") String shareholderLoans, @Schema(example = "0.00") String bonds,
                           @Schema(example = "300000000.00") String assetBacked,
                           @Schema(allowableValues = {"ACTIVE", "SUSPENDED", "REVOKED"}) String status,
                           String contactName, @Schema(example = "0571-87001234") String contactPhone, String contactEmail,
                           @Schema(description = "Why the entry changes (shown in its history).") String reason) {
    }

    @Operation(operationId = "listSupervisedInstitutions", summary = "Every institution with its registry entry and latest indicators",
            description = "`latestIndicators` (code → value) and `indicators` (with numerator, denominator, limit and breach) "
                    + "hold the indicators of `indicatorsAsOf`, the latest business date an end of day computed them for; "
                    + "empty (and `indicatorsAsOf` null) before the first.")
    @GetMapping("/institutions")
    @PreAuthorize("hasAuthority('supervision:view')")
    List<InstitutionOverview> institutions() {
        return registry.overview(CurrentUsers.require());
    }

    @Operation(operationId = "getSupervisedInstitution", summary = "An institution's registry entry today and its history")
    @GetMapping("/institutions/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    InstitutionDetail institution(@PathVariable UUID id) {
        return registry.detail(CurrentUsers.require(), id);
    }

    @Operation(operationId = "changeRegistry", summary = "Record a new version of an institution's registry entry",
            description = "Every change is a new version with the date it takes effect; suspending or revoking the licence "
                    + "stops origination from that date (`supervision.Institutions.mayOriginate`).")
    @PostMapping("/institutions/{id}/registry")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('supervision:manage')")
    LicenceView change(@PathVariable UUID id, @RequestBody RegistryRequest r) {
        return registry.change(CurrentUsers.require(), id, new RegistryService.RegistryInput(r.effectiveFrom(),
                r.licenceNumber(), r.licensedRegion(), r.businessScope(), r.onlineLending(), r.registeredCapital(),
                r.netAssets(), r.netAssetsYear(), r.bankLoans(), r.shareholderLoans(), r.bonds(), r.assetBacked(),
                r.status(), r.contactName(), r.contactPhone(), r.contactEmail(), r.reason()));
    }

    @Operation(operationId = "listInstitutionIndicators", summary = "An institution's daily indicator history",
            description = "Rows of `[from, to]` (business dates; default the 90 days up to today), one per indicator and "
                    + "date, as each institution's end of day computed them. Another institution's id is a 404.")
    @GetMapping("/institutions/{id}/indicators")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    List<IndicatorPoint> indicators(@PathVariable UUID id, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return registry.indicators(CurrentUsers.require(), id, from, to);
    }

    @Operation(operationId = "listRegionIndicators", summary = "The region's daily indicators (no institution named)",
            description = "Per business date in `[from, to]` (default the 90 days up to today, at most 400): ratios over every "
                    + "institution (sum of numerators over sum of denominators), exposures as the largest institution's, "
                    + "balances and counts summed.")
    @GetMapping("/region/indicators")
    @PreAuthorize("hasAuthority('supervision:region:view')")
    List<IndicatorViews.RegionDay> regionIndicators(@RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to) {
        return indicators.region(from, to);
    }

    @Schema(description = "One page of the real-time loan feed: the rows, how many match in all, the page number (from 1) and size.")
    record LoanEventPage(List<LoanFeedService.LoanEventView> items, long total, int page, int size) {
    }

    @Operation(operationId = "listLoanEvents", summary = "The real-time feed of loan events (实时数据), newest first",
            description = "New loans, repayments, loans turning overdue, grade changes and write-offs of every institution "
                    + "the caller's tenant wall shows (the regulator: the region; an institution: its own), recorded as each "
                    + "business transaction commits. Paged (`page`, `size`), searchable (`q`: contract number, institution code), "
                    + "sortable (`sort` = recorded, date, kind, amount; `dir`), filtered by `institutionId` and `kind`.")
    @GetMapping("/loan-events")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    LoanEventPage loanEvents(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                             @RequestParam(required = false) String dir, @RequestParam(required = false) String page,
                             @RequestParam(required = false) String size, @RequestParam(required = false) String institutionId,
                             @RequestParam(required = false) String kind) {
        PageResult<LoanFeedService.LoanEventView> result = feed.page(CurrentUsers.require(),
                ListQuery.of(q, sort, dir, page, size, LoanFeedService.SORTING), institutionId, kind);
        return new LoanEventPage(result.items(), result.total(), result.query().page(), result.query().size());
    }

    @Operation(operationId = "getRegionAggregates", summary = "Region aggregates (the industry association's view)",
            description = "Counts and sums over every institution of the region; no institution is named.")
    @GetMapping("/region")
    @PreAuthorize("hasAuthority('supervision:region:view')")
    RegionStatistics.RegionView region() {
        return region.region();
    }
}
