package org.xiaodai.reporting.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's provision spread over grades: the shares add up to the ledger's figure to the cent. */
class ProvisionAllocationTest {

    private static BigDecimal sum(Map<String, BigDecimal> shares) {
        return shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void sharesFollowTheRequirementAndAddUpToTheLedgerToTheCent() {
        // 1.5 % of 10,000.01 = 150.00015, 3 % of 333.33 = 9.9999, 30 % of 1,000.03 = 300.009: required 460.01 (rounded once)
        Map<String, BigDecimal> weights = new TreeMap<>(Map.of("1", new BigDecimal("150.00015"),
                "2", new BigDecimal("9.9999"), "3", new BigDecimal("300.009")));
        Map<String, BigDecimal> shares = Snapshots.allocate(new BigDecimal("460.01"), weights);
        assertThat(sum(shares)).isEqualByComparingTo("460.01");
        assertThat(shares.get("1")).isEqualByComparingTo("150.00");
        assertThat(shares.get("2")).isEqualByComparingTo("10.00");
        assertThat(shares.get("3")).isEqualByComparingTo("300.01");
    }

    @Test
    void aLedgerFigureOtherThanTheRequirementIsSpreadInProportion() {
        Map<String, BigDecimal> weights = new TreeMap<>(Map.of("1", BigDecimal.ONE, "2", BigDecimal.ONE, "3", BigDecimal.ONE));
        Map<String, BigDecimal> shares = Snapshots.allocate(new BigDecimal("100.00"), weights);
        assertThat(shares).containsOnlyKeys("1", "2", "3");
        assertThat(sum(shares)).isEqualByComparingTo("100.00");
        assertThat(shares.get("1")).isEqualByComparingTo("33.34");
        assertThat(shares.get("2")).isEqualByComparingTo("33.33");
        Map<String, BigDecimal> negative = Snapshots.allocate(new BigDecimal("-0.05"), weights);
        assertThat(sum(negative)).isEqualByComparingTo("-0.05");
        assertThat(negative.values()).allSatisfy(v -> assertThat(v.signum()).isLessThanOrEqualTo(0));
    }

    @Test
    void aProvisionWithoutLoansToCarryItIsUnallocated() {
        Map<String, BigDecimal> shares = Snapshots.allocate(new BigDecimal("12.34"),
                new TreeMap<>(Map.of("1", BigDecimal.ZERO)));
        assertThat(shares.get("UNALLOCATED")).isEqualByComparingTo("12.34");
        assertThat(sum(shares)).isEqualByComparingTo("12.34");
        assertThat(Snapshots.allocate(BigDecimal.ZERO, new TreeMap<>())).isEmpty();
    }
}
