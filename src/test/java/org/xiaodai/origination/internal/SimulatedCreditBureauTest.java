package org.xiaodai.origination.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated bureau answers the same customer the same way, and differently for different customers. */
class SimulatedCreditBureauTest {

    private final SimulatedCreditBureau bureau = new SimulatedCreditBureau(
            Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

    @Test
    void theSameCustomerAlwaysGetsTheSameReport() {
        UUID customer = UUID.fromString("0b6f0d2e-5a4c-4d4f-9a7e-1c2d3e4f5a6b");
        assertThat(bureau.report(customer, "3301**********0071")).isEqualTo(bureau.report(customer, "3301**********0071"));
        assertThat(bureau.report(customer, "x").bureau()).isEqualTo("SIMULATED");
    }

    @Test
    void reportsVaryAcrossCustomersWithinTheScorecardsCategories() {
        java.util.Set<String> histories = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            BureauReport r = bureau.report(new UUID(i * 7919L, i * 104729L), "x");
            histories.add(r.creditHistory());
            assertThat(r.creditHistory()).matches("A3[0-4]");
            assertThat(r.existingCredits()).isBetween(1, 3);
        }
        assertThat(histories.size()).isGreaterThanOrEqualTo(4);
    }
}
