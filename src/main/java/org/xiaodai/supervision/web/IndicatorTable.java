package org.xiaodai.supervision.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.xiaodai.supervision.internal.RegistryViews.IndicatorPoint;
import tools.jackson.databind.json.JsonMapper;

/** An institution's indicator history as the page shows it: one row per business date, newest first, and as chart data. */
final class IndicatorTable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IndicatorTable() {
    }

    record Day(LocalDate asOf, Map<String, String> values) {
    }

    static List<Day> byDate(List<IndicatorPoint> points) {
        Map<LocalDate, Map<String, String>> days = new TreeMap<>(Comparator.reverseOrder());
        for (IndicatorPoint p : points) {
            days.computeIfAbsent(p.asOf(), d -> new HashMap<>()).put(p.indicator(), p.value());
        }
        List<Day> rows = new ArrayList<>();
        days.forEach((d, v) -> rows.add(new Day(d, v)));
        return rows;
    }

    /** {"dates": [...], "series": {code: [values…]}} oldest first, "</" escaped for the data island. */
    static String json(List<IndicatorPoint> points) {
        Map<LocalDate, Map<String, String>> days = new TreeMap<>();
        for (IndicatorPoint p : points) {
            days.computeIfAbsent(p.asOf(), d -> new HashMap<>()).put(p.indicator(), p.value());
        }
        Map<String, List<String>> series = new LinkedHashMap<>();
        for (String code : List.of("npl-ratio", "overdue-rate", "top-borrower-exposure", "related-party-exposure",
                "provision-coverage")) {
            series.put(code, days.values().stream().map(v -> v.get(code)).toList());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dates", days.keySet().stream().map(LocalDate::toString).toList());
        out.put("series", series);
        return JSON.writeValueAsString(out).replace("</", "<\\/");
    }
}
