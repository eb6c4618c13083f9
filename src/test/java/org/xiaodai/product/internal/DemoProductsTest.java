package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.SecurityType;
import org.xiaodai.product.domain.AnnualRateRange;
import org.xiaodai.product.domain.ProductRules;
import org.xiaodai.product.domain.RateBenchmark;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalogue covers every type and security, passes every rule and stays within 4 × LPR. */
class DemoProductsTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyDemoProductPassesTheRulesAndTheBenchmark(boolean ningbo) {
        List<ProductDefinition> catalogue = DemoProducts.catalogue("演示", ningbo);
        assertThat(catalogue.stream().map(ProductDefinition::productType).distinct())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ProductType.class));
        assertThat(catalogue.stream().map(ProductDefinition::securityType).distinct())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(SecurityType.class));
        for (ProductDefinition d : catalogue) {
            assertThat(ProductRules.check(d)).as(d.code()).isEmpty();
            var range = ((AnnualRateRange.Result.Computed) AnnualRateRange.of(d)).range();
            BigDecimal lpr = d.effectiveFrom().isBefore(LocalDate.of(2024, 7, 22)) ? new BigDecimal("3.45") : new BigDecimal("3.00");
            assertThat(new RateBenchmark(d.effectiveFrom(), lpr, BigDecimal.valueOf(4)).exceededBy(range.highest()))
                    .as("%s v%s highest %s", d.code(), d.effectiveFrom(), range.highestPercent()).isFalse();
        }
    }

    @Test
    void theWorstCaseOfAnUpfrontFeeIsTheSmallestShortestLoan() {
        ProductDefinition d = DemoProducts.catalogue("演示", false).stream().filter(p -> p.code().equals("GS-01"))
                .findFirst().orElseThrow();
        var range = ((AnnualRateRange.Result.Computed) AnnualRateRange.of(d)).range();
        assertThat(range.worstNumberOfRepayments()).isEqualTo(d.minNumberOfRepayments());
        assertThat(range.highest()).isGreaterThan(d.maxAnnualInterestRatePercent().movePointLeft(2));
        assertThat(range.lowest()).isLessThan(range.highest());
    }
}
