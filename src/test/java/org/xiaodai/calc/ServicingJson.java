package org.xiaodai.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The servicing README §4 keys of a {@link LoanPosition} as JSON, and the key-by-key comparison of
 * an {@code expected} object with an actual answer (the engine's or the API's): only keys present
 * in {@code expected} are compared, as JSON strings, integers and names.
 */
public final class ServicingJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ServicingJson() {
    }

    /** @return the position with exactly the README §4 keys, amounts with {@code digits} decimals */
    public static ObjectNode of(LoanPosition p, int digits) {
        ObjectNode o = NODES.objectNode();
        o.put("status", p.status().name());
        o.put("daysPastDue", p.daysPastDue());
        o.put("grade", p.grade().name());
        for (Map.Entry<String, BigDecimal> e : Map.of("principalOutstanding", p.principalOutstanding(),
                "overduePrincipal", p.overduePrincipal(), "overdueInterest", p.overdueInterest(),
                "penaltyOutstanding", p.penaltyOutstanding(), "accruedInterest", p.accruedInterest(),
                "credit", p.credit()).entrySet()) {
            o.put(e.getKey(), format(e.getValue(), digits));
        }
        ArrayNode allocations = o.putArray("allocations");
        for (RepaymentAllocation a : p.allocations()) {
            allocations.addObject().put("date", a.date().toString()).put("penalty", format(a.penalty(), digits))
                    .put("interest", format(a.interest(), digits)).put("principal", format(a.principal(), digits))
                    .put("toCredit", format(a.toCredit(), digits));
        }
        ArrayNode installments = o.putArray("installments");
        for (InstallmentPosition i : p.installments()) {
            installments.addObject().put("n", i.n()).put("dueDate", i.dueDate().toString())
                    .put("paidPrincipal", format(i.paidPrincipal(), digits))
                    .put("paidInterest", format(i.paidInterest(), digits))
                    .put("paidPenalty", format(i.paidPenalty(), digits))
                    .put("penaltyCharged", format(i.penaltyCharged(), digits));
        }
        return o;
    }

    /** Exactly d decimals; an amount with more decimals is shown as it is (a bug the comparison reports). */
    static String format(BigDecimal amount, int digits) {
        return amount.scale() <= digits ? amount.setScale(digits).toPlainString() : amount.toPlainString();
    }

    /** @return every difference between the expected keys and the actual answer, empty if none */
    public static List<String> mismatches(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        for (String key : expected.propertyNames()) {
            JsonNode want = expected.get(key);
            JsonNode got = actual.get(key);
            switch (key) {
                case "allocations" -> compareList(key, want, got, false, out);
                case "installments" -> compareList(key, want, got, true, out);
                default -> compareValue(key, want, got, out);
            }
        }
        return out;
    }

    private static void compareList(String key, JsonNode want, JsonNode got, boolean byN, List<String> out) {
        if (got == null || !got.isArray()) {
            out.add(key + ": expected a list but was " + got);
            return;
        }
        if (!byN && want.size() != got.size()) {
            out.add(key + ": expected " + want.size() + " entries but was " + got.size());
        }
        for (int i = 0; i < want.size(); i++) {
            JsonNode row = want.get(i);
            JsonNode match = byN ? find(got, row.path("n").asInt()) : (i < got.size() ? got.get(i) : null);
            String what = key + (byN ? " n=" + row.path("n").asInt() : "[" + i + "]");
            if (match == null) {
                out.add(what + ": missing");
                continue;
            }
            for (String column : row.propertyNames()) {
                compareValue(what + " " + column, row.get(column), match.get(column), out);
            }
        }
    }

    private static JsonNode find(JsonNode rows, int n) {
        for (JsonNode row : rows) {
            if (row.path("n").asInt() == n) {
                return row;
            }
        }
        return null;
    }

    private static void compareValue(String what, JsonNode want, JsonNode got, List<String> out) {
        if (got == null) {
            out.add(what + ": expected " + want + " but the answer does not have it");
        } else if (want.isString() != got.isString() || want.isIntegralNumber() != got.isIntegralNumber()
                || !want.asString().equals(got.asString())) {
            out.add(what + ": expected " + want + " but was " + got);
        }
    }
}
