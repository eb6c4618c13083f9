package org.xiaodai.reporting.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the reporting benchmark: runs each statement of a return's generation under
 * {@code EXPLAIN (ANALYZE, BUFFERS)} in the caller's transaction (which the caller rolls back) and
 * tenant wall, with the generation's {@code work_mem}, and answers each statement's execution time in seconds; the plans go to {@code log}.
 */
public final class ReportingStatementProfile {

    private static final Pattern TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

    private ReportingStatementProfile() {
    }

    /** One detail row as the row-by-row CSV rendering wrote it (CRLF included), for the benchmark's comparison. */
    public static String csvRow(ReturnViews.LoanDetail d) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ReturnExports.DETAIL_COLUMNS.size(); i++) {
            out.append(i == 0 ? "" : ",").append(ReturnExports.csv(ReturnExports.DETAIL_COLUMNS.get(i).value().apply(d)));
        }
        return out.append("\r\n").toString();
    }

    public static Map<String, Double> explain(JdbcClient jdbc, UUID institutionId, LocalDate start, LocalDate asOf,
                                              java.io.PrintStream log) {
        UUID returnId = UUID.randomUUID();
        jdbc.sql("set local work_mem = '" + ReturnService.WORK_MEM + "'").update();
        jdbc.sql("""
                insert into reporting_return (id, institution_id, period, version, status, as_of, collected_on, due_on,
                    loans, balance, quality_score, generated_at, generated_by, generated_by_name)
                values (?, ?, '1999-01', 1, 'GENERATED', ?, ?, ?, 0, 0, 0, now(), null, 'profile')""")
                .params(returnId, institutionId, asOf, asOf, asOf).update();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("collect", Snapshots.COLLECT);
        statements.put("balanceSum", "select coalesce(sum(balance), 0) from reporting_loan_detail where return_id = :returnId");
        for (Map.Entry<String, String> s : statements.entrySet()) {
            List<String> plan = jdbc.sql("explain (analyze, buffers) " + s.getValue())
                    .param("returnId", returnId).param("institution", institutionId).param("start", start)
                    .param("asOf", asOf).param("loans", 0).param("failingIdNumbers", "{}")
                    .param("productIds", "{}").param("productSecurity", "{}").param("securityChanged", "{}")
                    .query((rs, i) -> rs.getString(1)).list();
            log.println("---- " + s.getKey());
            plan.forEach(log::println);
            double ms = plan.stream().map(TIME::matcher).filter(Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1)))
                    .findFirst().orElse(-1);
            seconds.put(s.getKey(), Math.round(ms / 10) / 100.0);
        }
        return seconds;
    }
}
