package org.xiaodai.analytics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiaodai.analytics.internal.Charts;
import org.xiaodai.analytics.internal.LoanDrillDown;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.shared.problem.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards (ECharts, served from the WebJar): the region's (regulator, association) with the
 * drill-down table of institutions for the regulator, an institution's, and the loans behind a figure;
 * every chart's data downloadable as CSV or JSON from the same session.
 */
@Controller
@RequestMapping("/analytics")
class AnalyticsPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DIMENSIONS = List.of("grade", "product", "region", "industry");

    private final Charts charts;
    private final LoanDrillDown loans;
    private final InstitutionDirectory directory;

    AnalyticsPageController(Charts charts, LoanDrillDown loans, InstitutionDirectory directory) {
        this.charts = charts;
        this.loans = loans;
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('analytics:view', 'analytics:region:view')")
    String start() {
        CurrentUser caller = CurrentUsers.require();
        if (caller.permissions().contains("analytics:region:view")) {
            return "redirect:/analytics/region";
        }
        return "redirect:/analytics/institutions/" + caller.organisationId();
    }

    @GetMapping("/region")
    @PreAuthorize("hasAuthority('analytics:region:view')")
    String region(Model model) {
        CurrentUser caller = CurrentUsers.require();
        Charts.Scope scope = charts.region(caller);
        boolean named = caller.permissions().contains("analytics:view");
        Map<String, Object> data = dashboard(scope, named);
        if (named) {
            data.put("institutions", charts.chart(scope, "institutions", null));
        }
        model.addAttribute("chartJson", json(data));
        model.addAttribute("data", data);
        model.addAttribute("named", named);
        model.addAttribute("dimensions", DIMENSIONS);
        model.addAttribute("dataPath", "/analytics/region/data");
        return "analytics/region";
    }

    @GetMapping("/institutions/{id}")
    @PreAuthorize("hasAuthority('analytics:view')")
    String institution(@PathVariable String id, Model model) {
        CurrentUser caller = CurrentUsers.require();
        UUID institution = parse(id);
        Charts.Scope scope = charts.institution(caller, institution);
        Map<String, Object> data = dashboard(scope, true);
        model.addAttribute("chartJson", json(data));
        model.addAttribute("data", data);
        model.addAttribute("institution", directory.lender(institution).orElseThrow(() -> ProblemException.notFound("institution")));
        model.addAttribute("dimensions", DIMENSIONS);
        model.addAttribute("dataPath", "/analytics/institutions/" + institution + "/data");
        model.addAttribute("regionView", caller.permissions().contains("analytics:region:view"));
        return "analytics/institution";
    }

    @GetMapping("/institutions/{id}/loans")
    @PreAuthorize("hasAuthority('analytics:view')")
    String loans(@PathVariable String id, @ModelAttribute ListRequest request, @RequestParam(required = false) String grade,
                 @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
                 @RequestParam(required = false) String product, @RequestParam(required = false) String bucket, Model model) {
        CurrentUser caller = CurrentUsers.require();
        UUID institution = parse(id);
        var page = loans.page(charts.institution(caller, institution), new LoanDrillDown.Filters(grade, region, industry, product,
                LoanDrillDown.BUCKETS.containsKey(bucket == null ? "" : bucket) ? bucket : null),
                request.toQuery(LoanDrillDown.SORTING));
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "grade", grade);
        put(filters, "region", region);
        put(filters, "industry", industry);
        put(filters, "product", product);
        put(filters, "bucket", LoanDrillDown.BUCKETS.containsKey(bucket == null ? "" : bucket) ? bucket : null);
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/analytics/institutions/" + institution + "/loans", page, filters));
        model.addAttribute("filters", filters);
        model.addAttribute("institution", directory.lender(institution).orElseThrow(() -> ProblemException.notFound("institution")));
        return "analytics/loans";
    }

    @GetMapping("/region/data")
    @PreAuthorize("hasAuthority('analytics:region:view')")
    ResponseEntity<?> regionData(@RequestParam(required = false) String chart, @RequestParam(required = false) String by,
                                 @RequestParam(required = false) String format) {
        CurrentUser caller = CurrentUsers.require();
        String name = chart == null || chart.isBlank() ? "trends" : chart;
        if (("exposures".equals(name) || "institutions".equals(name)) && !caller.permissions().contains("analytics:view")) {
            throw ProblemException.forbidden("forbidden");
        }
        return AnalyticsApiController.answer(charts.chart(charts.region(caller), name, by), format);
    }

    @GetMapping("/institutions/{id}/data")
    @PreAuthorize("hasAuthority('analytics:view')")
    ResponseEntity<?> institutionData(@PathVariable String id, @RequestParam(required = false) String chart,
                                      @RequestParam(required = false) String by, @RequestParam(required = false) String format) {
        String name = chart == null || chart.isBlank() ? "trends" : chart;
        if ("institutions".equals(name)) {
            throw ProblemException.notFound("chart");
        }
        return AnalyticsApiController.answer(charts.chart(charts.institution(CurrentUsers.require(), parse(id)), name, by), format);
    }

    private Map<String, Object> dashboard(Charts.Scope scope, boolean named) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trends", charts.chart(scope, "trends", null));
        for (String by : DIMENSIONS) {
            data.put("distribution-" + by, charts.chart(scope, "distribution", by));
        }
        data.put("vintage", charts.chart(scope, "vintage", null));
        data.put("roll-rates", charts.chart(scope, "roll-rates", null));
        if (named) {
            data.put("exposures", charts.chart(scope, "exposures", null));
        }
        return data;
    }

    /** The charts as JSON for the page's data island, with "</" escaped so no text can end the script element. */
    private static String json(Map<String, Object> data) {
        return JSON.writeValueAsString(data).replace("</", "<\\/");
    }

    private static void put(Map<String, String> filters, String key, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(key, value);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("institution");
        }
    }

}
