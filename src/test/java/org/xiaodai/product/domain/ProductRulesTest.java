package org.xiaodai.product.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xiaodai.product.AllocationBucket;
import org.xiaodai.product.ClassificationTable;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.SecurityType;
import org.xiaodai.product.ServicingPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure product rules: grades by the conformance tables, ranges, policy and allocation order. */
class ProductRulesTest {

    /** Servicing conformance README §8, at and around every threshold. */
    @ParameterizedTest
    @CsvSource({
            "DPD_DEFAULT,0,NORMAL", "DPD_DEFAULT,1,SPECIAL_MENTION", "DPD_DEFAULT,90,SPECIAL_MENTION", "DPD_DEFAULT,91,SUBSTANDARD",
            "DPD_DEFAULT,271,DOUBTFUL", "DPD_DEFAULT,361,LOSS", "CREDIT,10,NORMAL", "CREDIT,11,SPECIAL_MENTION",
            "CREDIT,181,DOUBTFUL", "GUARANTEED,30,NORMAL", "GUARANTEED,31,SPECIAL_MENTION", "GUARANTEED,180,SUBSTANDARD",
            "MORTGAGE,360,SPECIAL_MENTION", "MORTGAGE,361,SUBSTANDARD", "MORTGAGE,5000,SUBSTANDARD", "PLEDGE,90,NORMAL",
            "PLEDGE,91,SPECIAL_MENTION", "PLEDGE,361,SUBSTANDARD"})
    void gradesFollowTheConformanceTables(ClassificationTable table, int daysPastDue, String grade) {
        assertThat(table.grade(daysPastDue)).isEqualTo(grade);
    }

    @Test
    void aProductUsesTheDefaultTableOrTheOneOfItsOwnSecurity() {
        assertThat(ClassificationTable.DPD_DEFAULT.fits(SecurityType.PLEDGE)).isTrue();
        assertThat(ClassificationTable.MORTGAGE.fits(SecurityType.MORTGAGE)).isTrue();
        assertThat(ClassificationTable.MORTGAGE.fits(SecurityType.CREDIT)).as("would hide a credit loan's risk").isFalse();
    }

    @Test
    void theDemoConsumerProductPassesAndEachBrokenRuleIsNamed() {
        ProductDefinition good = demo();
        assertThat(ProductRules.check(good)).isEmpty();
        ProductDefinition bad = new ProductDefinition("bad code", "", good.productType(), good.securityType(), "ABC",
                new BigDecimal("300000"), new BigDecimal("200000.001"), 12, 6, new BigDecimal("9"), new BigDecimal("8"),
                good.scheduleConventions(), new ServicingPolicy(new BigDecimal("0.5"), 364, 91, false,
                ClassificationTable.PLEDGE), good.fees(), List.of(AllocationBucket.FEES, AllocationBucket.FEES),
                List.of(), List.of("E01", "E01"), java.util.UUID.randomUUID(), good.effectiveFrom());
        assertThat(ProductRules.check(bad)).extracting(p -> p.field() + ":" + p.rule()).containsExactlyInAnyOrder(
                "code:format", "name:size", "currency:currency", "maxPrincipal:currencyScale", "minPrincipal:aboveMax",
                "minNumberOfRepayments:aboveMax", "minAnnualInterestRatePercent:aboveMax",
                "servicingPolicy.penaltyRateMultiplier:min", "servicingPolicy.penaltyDaysInYear:oneOf",
                "servicingPolicy.graceDays:max", "servicingPolicy.classification:classificationMismatch",
                "allocationOrder:permutation", "branchCodes:duplicate", "approvalPolicyId:unknown");
    }

    @Test
    void termsAreAllTriedInNarrowRangesAndSpreadWithBothEndsInWideOnes() {
        assertThat(AnnualRateRange.terms(6, 12)).containsExactly(6, 7, 8, 9, 10, 11, 12);
        assertThat(AnnualRateRange.terms(1, 360)).hasSize(AnnualRateRange.MAX_TERMS_TRIED).contains(1, 360);
    }

    private static ProductDefinition demo() {
        return org.xiaodai.product.internal.DemoProductsAccess.first();
    }
}
