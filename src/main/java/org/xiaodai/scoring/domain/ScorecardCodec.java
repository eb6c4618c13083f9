package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Saves a scorecard as plain text and reads it back exactly: every double is written with
 * {@link Double#toString} (the shortest decimal that reads back to the same bits), so a loaded
 * model scores bit-for-bit like the saved one and saving it again gives the same text.
 * Format, one record per line, fields separated by tabs (tabs, newlines and backslashes in names
 * escaped): {@code scorecard 1}, {@code scaling base odds pdo}, {@code intercept α}, then per
 * characteristic {@code variable name kind protected coefficient} followed by its
 * {@code bin type lower upper goods bads woe iv points label categories…} lines.
 */
public final class ScorecardCodec {

    private static final String HEADER = "scorecard\t1";

    private ScorecardCodec() {
    }

    public static String save(Scorecard card) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        Scaling s = card.scaling();
        line(out, "scaling", d(s.basePoints()), d(s.baseOdds()), d(s.pdo()));
        line(out, "intercept", d(card.intercept()));
        for (Characteristic c : card.characteristics()) {
            Feature f = c.binning().feature();
            line(out, "variable", escape(f.name()), f.kind().name(), Boolean.toString(f.protectedAttribute()),
                    d(c.coefficient()));
            List<Bin> bins = c.binning().bins();
            for (int b = 0; b < bins.size(); b++) {
                Bin bin = bins.get(b);
                List<String> fields = new ArrayList<>(List.of("bin", bin.type().name(), d(bin.lower()), d(bin.upper()),
                        Long.toString(bin.goods()), Long.toString(bin.bads()), d(bin.woe()), d(bin.iv()),
                        Integer.toString(c.points(b)), escape(bin.label())));
                bin.categories().forEach(cat -> fields.add(escape(cat)));
                line(out, fields.toArray(String[]::new));
            }
        }
        return out.toString();
    }

    public static Scorecard load(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a saved scorecard (version 1)");
        }
        String[] scaling = fields(lines[1], "scaling", 4);
        Scaling s = new Scaling(Double.parseDouble(scaling[1]), Double.parseDouble(scaling[2]), Double.parseDouble(scaling[3]));
        double intercept = Double.parseDouble(fields(lines[2], "intercept", 2)[1]);
        List<Characteristic> characteristics = new ArrayList<>();
        int i = 3;
        while (i < lines.length) {
            String[] v = fields(lines[i++], "variable", 5);
            Feature feature = new Feature(unescape(v[1]), Feature.Kind.valueOf(v[2]), Boolean.parseBoolean(v[3]));
            List<Bin> bins = new ArrayList<>();
            List<Integer> points = new ArrayList<>();
            while (i < lines.length && lines[i].startsWith("bin\t")) {
                String[] b = lines[i++].split("\t", -1);
                List<String> categories = Arrays.stream(b, 10, b.length).map(ScorecardCodec::unescape).toList();
                bins.add(new Bin(Bin.Type.valueOf(b[1]), unescape(b[9]), Double.parseDouble(b[2]), Double.parseDouble(b[3]),
                        categories, Long.parseLong(b[4]), Long.parseLong(b[5]), Double.parseDouble(b[6]),
                        Double.parseDouble(b[7])));
                points.add(Integer.parseInt(b[8]));
            }
            characteristics.add(new Characteristic(new VariableBinning(feature, bins), Double.parseDouble(v[4]),
                    points.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Scorecard(s, intercept, characteristics);
    }

    private static String[] fields(String line, String kind, int count) {
        String[] f = line.split("\t", -1);
        if (!f[0].equals(kind) || f.length != count) {
            throw new IllegalArgumentException("expected a " + kind + " line, got: " + line);
        }
        return f;
    }

    private static void line(StringBuilder out, String... fields) {
        out.append(String.join("\t", fields)).append('\n');
    }

    private static String d(double v) {
        return Double.toString(v);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
