package org.xiaodai.origination.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each check on submit raises its flag exactly when its rule is broken. */
class SubmitChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static CheckFacts clean() {
        return new CheckFacts(false, 0, 0, 0, 5, 0, LocalDate.of(1990, 5, 1), 36, "330106", "330106", TODAY,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("30000"), new BigDecimal("10000000"), BigDecimal.TEN,
                new BigDecimal("15"), null, new BigDecimal("9.60"), new BigDecimal("12.00"), List.of());
    }

    private static List<String> codes(CheckFacts f) {
        return SubmitChecks.run(f).stream().map(Flag::code).toList();
    }

    @Test
    void aCleanApplicationRaisesNoFlag() {
        assertThat(codes(clean())).isEmpty();
    }

    @Test
    void velocityCountsThisSubmissionAgainstTheLimit() {
        CheckFacts f = clean();
        assertThat(codes(new CheckFacts(false, 0, 4, 5, 5, 0, f.birthDate(), 36, "330106", "330106", TODAY, f.borrowerExposure(),
                f.relatedExposure(), f.amount(), f.netAssets(), f.borrowerLimitPercent(), f.relatedLimitPercent(), null,
                f.annualPercentageRate(), f.rateCapPercent(), List.of()))).containsExactly("VELOCITY_ADDRESS");
    }

    @Test
    void identityFlagsTheStatedAgeMoreThanAYearOffAndAnotherProvince() {
        CheckFacts f = clean();
        assertThat(codes(new CheckFacts(false, 0, 0, 0, 5, 0, f.birthDate(), 30, "360426", "330106", TODAY, f.borrowerExposure(),
                f.relatedExposure(), f.amount(), f.netAssets(), f.borrowerLimitPercent(), f.relatedLimitPercent(), null,
                f.annualPercentageRate(), f.rateCapPercent(), List.of()))).containsExactly("IDENTITY_AGE", "IDENTITY_REGION");
        assertThat(codes(new CheckFacts(false, 0, 0, 0, 5, 0, f.birthDate(), 35, "330102", "330106", TODAY, f.borrowerExposure(),
                f.relatedExposure(), f.amount(), f.netAssets(), f.borrowerLimitPercent(), f.relatedLimitPercent(), null,
                f.annualPercentageRate(), f.rateCapPercent(), List.of()))).as("a year off and the same province").isEmpty();
    }

    @Test
    void exposureAboveTenAndFifteenPercentOfNetAssetsAndTheOnlineCap() {
        CheckFacts f = clean();
        CheckFacts high = new CheckFacts(false, 0, 0, 0, 5, 0, f.birthDate(), 36, "330106", "330106", TODAY,
                new BigDecimal("80000"), new BigDecimal("60000"), new BigDecimal("30000"), new BigDecimal("1000000"),
                BigDecimal.TEN, new BigDecimal("15"), new BigDecimal("100000"), f.annualPercentageRate(), f.rateCapPercent(),
                List.of());
        assertThat(codes(high)).containsExactly("EXPOSURE_BORROWER", "EXPOSURE_RELATED", "ONLINE_CAP");
        CheckFacts atLimit = new CheckFacts(false, 0, 0, 0, 5, 0, f.birthDate(), 36, "330106", "330106", TODAY,
                new BigDecimal("70000"), new BigDecimal("50000"), new BigDecimal("30000"), new BigDecimal("1000000"),
                BigDecimal.TEN, new BigDecimal("15"), new BigDecimal("100000"), f.annualPercentageRate(), f.rateCapPercent(),
                List.of());
        assertThat(codes(atLimit)).as("exactly at each limit is allowed").isEmpty();
    }

    @Test
    void anAnnualisedRateAboveTheBenchmarkAndGuarantorFindingsAreFlagged() {
        CheckFacts f = clean();
        CheckFacts risky = new CheckFacts(true, 2, 0, 0, 5, 1, f.birthDate(), null, "330106", "330106", TODAY,
                BigDecimal.ZERO, BigDecimal.ZERO, f.amount(), f.netAssets(), BigDecimal.TEN, new BigDecimal("15"), null,
                new BigDecimal("12.01"), new BigDecimal("12.00"),
                List.of(new CheckFacts.GuarantorFacts("保证人甲", true, 1, new BigDecimal("2000000"))));
        assertThat(codes(risky)).containsExactly("BLACKLIST", "MULTI_LENDING", "SHARED_MOBILE", "RATE_CAP",
                "GUARANTOR_BLACKLIST", "GUARANTOR_MULTI_LENDING", "GUARANTOR_EXPOSURE");
    }
}
