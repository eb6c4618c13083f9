package org.xiaodai.calc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One schedule conformance vector (README §1) read from its JSON file: the terms mapped onto
 * {@link LoanTerms} and the expected values left as JSON for key-by-key comparison.
 *
 * @param id the vector id
 * @param file where it was read from
 * @param terms the parsed terms
 * @param expected the {@code expected} object
 */
record ConformanceVector(String id, Path file, LoanTerms terms, JsonNode expected) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ConformanceVector read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            return new ConformanceVector(root.path("id").asString(), file, terms(root.path("terms")),
                    root.path("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static LoanTerms terms(JsonNode t) {
        JsonNode emi = t.get("emiAdjustment");
        return new LoanTerms(
                decimal(t, "principal"),
                decimal(t, "annualInterestRatePercent"),
                t.path("currencyDigits").asInt(),
                RoundingRule.valueOf(t.path("roundingMode").asString()),
                Amortization.valueOf(t.path("amortization").asString()),
                InterestMethod.valueOf(t.path("interestMethod").asString()),
                InterestAccrual.valueOf(t.path("interestAccrual").asString()),
                InstallmentBasis.valueOf(t.path("installmentBasis").asString()),
                t.path("numberOfRepayments").asInt(),
                t.path("repaymentEvery").asInt(),
                RepaymentFrequency.valueOf(t.path("repaymentFrequency").asString()),
                DaysInYear.fromCode(t.path("daysInYear").asString()),
                DaysInMonth.fromCode(t.path("daysInMonth").asString()),
                LocalDate.parse(t.path("disbursementDate").asString()),
                LocalDate.parse(t.path("firstRepaymentDate").asString()),
                decimal(t, "installmentAmountInMultiplesOf"),
                t.path("graceOnPrincipalPeriods").asInt(),
                t.path("graceOnInterestPaymentPeriods").asInt(),
                emi == null || emi.isNull() ? EmiAdjustment.NONE : EmiAdjustment.valueOf(emi.asString()));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asString());
    }
}
