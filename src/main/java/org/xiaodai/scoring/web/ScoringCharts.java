package org.xiaodai.scoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xiaodai.scoring.internal.ModelViews;
import org.xiaodai.scoring.internal.StabilityMonitor;
import tools.jackson.databind.json.JsonMapper;

/** The data of a model page's charts, as the JSON {@code scoring.js} draws from. */
final class ScoringCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScoringCharts() {
    }

    static String json(ModelViews.ModelDetail d, List<StabilityMonitor.Check> history) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> variables = new ArrayList<>();
        if (d.points() != null) {
            for (ModelViews.Variable v : d.points().variables()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", v.name());
                m.put("bins", v.bins().stream().map(ModelViews.Bin::label).toList());
                m.put("points", v.bins().stream().map(ModelViews.Bin::points).toList());
                m.put("woe", v.bins().stream().map(ModelViews.Bin::woe).toList());
                variables.add(m);
            }
        }
        out.put("variables", variables);
        if (d.performance() != null) {
            out.put("roc", d.performance().roc());
            out.put("ks", d.performance().ksCurve());
            out.put("bands", d.performance().bands().stream().map(b -> Map.of(
                    "label", label(b), "count", b.count(), "badRate", b.badRate())).toList());
        }
        out.put("psi", history.stream().map(c -> List.of(c.asOf().toString(), c.psi())).toList());
        // inside <script type="application/json">: no "</script>" or markup can come out of a label
        return JSON.writeValueAsString(out).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String label(ModelViews.Band b) {
        String from = b.from() == null ? "" : Long.toString(Math.round(b.from()));
        String to = b.to() == null ? "" : Long.toString(Math.round(b.to()));
        return from.isEmpty() ? "<" + to : to.isEmpty() ? "≥" + from : from + "–" + to;
    }
}
