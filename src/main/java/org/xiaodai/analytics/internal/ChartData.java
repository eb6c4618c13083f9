package org.xiaodai.analytics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One chart's data as a table: what the page draws and what a download holds (JSON as is, CSV with
 * the column names as the header). Cells are text, whole numbers or decimals (never doubles).
 */
@Schema(description = "A chart's data as a table: column names and rows of cells (text, whole numbers, decimals).")
public record ChartData(@Schema(example = "trends") String chart,
                        @Schema(example = "[\"date\", \"balance\", \"loans\", \"overdueRate\", \"nplRatio\"]") List<String> columns,
                        List<List<Object>> rows) {

    /** The table as CSV (RFC 4180: quoted where needed, CRLF line ends), decimals written plainly. */
    public String csv() {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (List<Object> row : rows) {
            out.append(row.stream().map(ChartData::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
