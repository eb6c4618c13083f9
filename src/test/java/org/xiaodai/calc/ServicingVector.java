package org.xiaodai.calc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One servicing conformance vector (servicing README §1) read from its JSON file: the request
 * mapped onto {@link ServicingRequest}, the raw JSON (for the API test) and the expected values
 * left as JSON for key-by-key comparison.
 *
 * @param id the vector id
 * @param file where it was read from
 * @param root the whole vector
 * @param request the parsed request
 * @param expected the {@code expected} object
 */
public record ServicingVector(String id, Path file, JsonNode root, ServicingRequest request, JsonNode expected) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public static ServicingVector read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            ServicingRequest request = new ServicingRequest(ConformanceVector.terms(root.path("terms")),
                    policy(root.path("policy")), repayments(root.path("events")),
                    LocalDate.parse(root.path("asOf").asString()));
            return new ServicingVector(root.path("id").asString(), file, root, request, root.path("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** @return true if the JSON file is a servicing vector (it has a policy and events), not a schedule vector */
    public static boolean isServicingVector(JsonNode root) {
        return root.has("policy") && root.has("events");
    }

    static ServicingPolicy policy(JsonNode p) {
        return new ServicingPolicy(new BigDecimal(p.path("penaltyRateMultiplier").asString()),
                p.path("penaltyDaysInYear").asInt(), p.path("graceDays").asInt(),
                p.path("compoundOverdueInterest").asBoolean(), GradeTable.valueOf(p.path("classification").asString()));
    }

    static List<Repayment> repayments(JsonNode events) {
        List<Repayment> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (!"REPAYMENT".equals(e.path("type").asString())) {
                throw new IllegalArgumentException("unknown event type " + e.path("type"));
            }
            out.add(new Repayment(LocalDate.parse(e.path("date").asString()), new BigDecimal(e.path("amount").asString())));
        }
        return out;
    }
}
