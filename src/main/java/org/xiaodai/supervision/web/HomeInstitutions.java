package org.xiaodai.supervision.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xiaodai.platform.web.HomeColumn;
import org.xiaodai.platform.web.HomeTable;
import org.xiaodai.supervision.SupervisoryIndicators;
import org.xiaodai.supervision.internal.IndicatorViews.IndicatorValue;
import org.xiaodai.supervision.internal.RegistryViews.InstitutionOverview;

/**
 * The regulator's home table (issue 12, "regulator home: table by institution with indicators"): one row per
 * supervised institution, leading to its detail, with its latest key indicators — ratios in per cent, each limited
 * one with its limit beside it and marked when above it — and its open complaints. {@code risk} adds the open
 * alerts and {@code reporting} the late return by the table's id; the full set is on {@code /supervision}.
 */
final class HomeInstitutions {

    /** The table's id (other modules add columns by it) and the page element's id. */
    static final String TABLE = "home-institutions";

    /** The indicators shown, in order; ratios as per cent unless listed in {@link #MULTIPLES}. */
    static final List<String> CODES = List.of(SupervisoryIndicators.LOAN_BALANCE, SupervisoryIndicators.NPL_RATIO,
            SupervisoryIndicators.PROVISION_COVERAGE, SupervisoryIndicators.TOP_BORROWER_EXPOSURE,
            SupervisoryIndicators.RELATED_PARTY_EXPOSURE, SupervisoryIndicators.TOP10_BORROWER_EXPOSURE,
            SupervisoryIndicators.LEVERAGE_LOANS, SupervisoryIndicators.LEVERAGE_BONDS);

    /** Leverage is a multiple of net assets (the 1 + 4 limits), not a share. */
    static final List<String> MULTIPLES = List.of(SupervisoryIndicators.LEVERAGE_LOANS, SupervisoryIndicators.LEVERAGE_BONDS);

    private HomeInstitutions() {
    }

    /**
     * The table; {@code statusText} names a licence status (or {@code UNREGISTERED}) in the reader's language. A
     * licence that is not active is marked.
     */
    static HomeTable table(List<InstitutionOverview> institutions, java.util.function.Function<String, String> statusText) {
        List<HomeTable.Subject> rows = institutions.stream().map(i -> new HomeTable.Subject(i.id().toString(),
                i.code() + " " + i.name(), "/supervision/institutions/" + i.id())).toList();
        List<HomeColumn> columns = new java.util.ArrayList<>();
        Map<String, HomeColumn.Cell> status = new HashMap<>();
        for (InstitutionOverview i : institutions) {
            String code = i.licence() == null ? "UNREGISTERED" : i.licence().status();
            status.put(i.id().toString(), new HomeColumn.Cell(statusText.apply(code), !code.equals("ACTIVE"), null));
        }
        columns.add(new HomeColumn(TABLE, "supervision.field.status", status, 5));
        Map<String, HomeColumn.Cell> asOf = new HashMap<>();
        for (InstitutionOverview i : institutions) {
            if (i.indicatorsAsOf() != null) {
                asOf.put(i.id().toString(), new HomeColumn.Cell(i.indicatorsAsOf().toString(), false, null));
            }
        }
        columns.add(new HomeColumn(TABLE, "supervision.field.indicatorsAsOf", asOf, 10));
        for (int c = 0; c < CODES.size(); c++) {
            String code = CODES.get(c);
            Map<String, HomeColumn.Cell> cells = new HashMap<>();
            for (InstitutionOverview i : institutions) {
                i.indicators().stream().filter(v -> v.indicator().equals(code) && v.value() != null).findFirst()
                        .ifPresent(v -> cells.put(i.id().toString(), cell(v)));
            }
            columns.add(new HomeColumn(TABLE, "supervision.home.indicator." + code, cells, 20 + c));
        }
        Map<String, HomeColumn.Cell> complaints = new HashMap<>();
        for (InstitutionOverview i : institutions) {
            complaints.put(i.id().toString(), new HomeColumn.Cell(i.openComplaints() + " / " + i.overdueComplaints(),
                    i.overdueComplaints() > 0, "/complaints"));
        }
        columns.add(new HomeColumn(TABLE, "supervision.home.complaints", complaints, 80));
        return new HomeTable(TABLE, "supervision.home.institutions", rows, columns, "/supervision", "supervision.home.none",
                "supervision.home.breachHint", 85);
    }

    /** A value as the home table shows it: money with grouping, ratios in per cent, multiples as they are; "value / limit". */
    static HomeColumn.Cell cell(IndicatorValue v) {
        String text = format(v.indicator(), new BigDecimal(v.value()));
        if (v.limit() != null) {
            text = text + " / " + format(v.indicator(), new BigDecimal(v.limit()));
        }
        return new HomeColumn.Cell(text, v.breached(), null);
    }

    static String format(String code, BigDecimal value) {
        if (code.equals(SupervisoryIndicators.LOAN_BALANCE)) {
            return String.format(java.util.Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_UP));
        }
        if (MULTIPLES.contains(code)) {
            return value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "×";
        }
        return value.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
