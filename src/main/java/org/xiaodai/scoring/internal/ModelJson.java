package org.xiaodai.scoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xiaodai.scoring.domain.Metrics;
import org.xiaodai.scoring.domain.ModelReport;
import org.xiaodai.scoring.domain.VariableBinning;
import tools.jackson.databind.json.JsonMapper;

/** The JSON stored beside a model: its report (metrics) and its training data description. */
final class ModelJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelJson() {
    }

    static String metrics(ModelReport r, List<VariableBinning> candidates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validation", r.validation());
        m.put("rows", r.rows());
        m.put("bads", r.bads());
        m.put("auc", round(r.auc()));
        m.put("ks", round(r.ks()));
        m.put("gini", round(r.gini()));
        m.put("challengerAuc", Double.isNaN(r.challengerAuc()) ? null : round(r.challengerAuc()));
        m.put("roc", r.roc().stream().map(p -> List.of(round(p[0]), round(p[1]))).toList());
        m.put("ksCurve", r.ksCurve().stream().map(p -> List.of(p[0], round(p[1]), round(p[2]))).toList());
        m.put("bandLowerBounds", r.bandLowerBounds());
        List<Map<String, Object>> bands = new ArrayList<>();
        for (Metrics.Band b : r.bands()) {
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("from", Double.isInfinite(b.from()) ? null : b.from());
            band.put("to", Double.isInfinite(b.to()) ? null : b.to());
            band.put("count", b.count());
            band.put("bads", b.bads());
            band.put("badRate", round(b.badRate()));
            band.put("ks", round(b.ks()));
            bands.add(band);
        }
        m.put("bands", bands);
        m.put("expectedShares", r.expectedShares());
        Map<String, Object> iv = new LinkedHashMap<>();
        candidates.forEach(b -> iv.put(b.name(), round(b.iv())));
        m.put("candidateIv", iv);
        return JSON.writeValueAsString(m);
    }

    static String trainingData(String source, int rows, int bads, String split, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("rows", rows);
        m.put("bads", bads);
        m.put("badRate", round(rows == 0 ? 0 : (double) bads / rows));
        m.put("split", split);
        m.put("target", target);
        m.put("protectedAttributes", "excluded");
        return JSON.writeValueAsString(m);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        return json == null ? Map.of() : JSON.readValue(json, Map.class);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
