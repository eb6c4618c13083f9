package org.xiaodai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    /** Only a guard against a hang: the refusals are length, pattern and range checks. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    @ParameterizedTest(name = "{0}% is the fraction {1}")
    @CsvSource({
            "12,    0.12",
            "3.65,  0.0365",
            "24.00, 0.24",
            "0,     0",
            "0.001, 0.00001",
    })
    void convertsPercentToFractionExactly(String percent, String fraction) {
        Rate rate = Rate.ofPercent(percent);

        assertThat(rate.fraction()).isEqualByComparingTo(fraction);
        assertThat(rate).isEqualTo(Rate.ofFraction(fraction));
        assertThat(rate.asPercent()).isEqualByComparingTo(percent);
    }

    @Test
    void givesPercentOfAFraction() {
        assertThat(Rate.ofFraction("0.12").asPercent()).isEqualByComparingTo("12");
        assertThat(Rate.ofFraction(new BigDecimal("0.123456789")).asPercent()).isEqualTo(new BigDecimal("12.3456789"));
    }

    @Test
    void treatsRatesThatDifferOnlyInScaleAsEqual() {
        assertThat(Rate.ofPercent("12")).isEqualTo(Rate.ofFraction("0.1200"));
        assertThat(Rate.ofPercent("12")).hasSameHashCodeAs(Rate.ofFraction("0.1200"));
    }

    @ParameterizedTest(name = "{0} over {1} periods is {2}")
    @CsvSource({
            "0.12,   12,  0.01",
            "0.18,   360, 0.0005",
            "0.0365, 365, 0.0001",
    })
    void splitsIntoPeriodsExactlyWhenTheQuotientTerminates(String annual, int periods, String perPeriod) {
        BigDecimal result = Rate.ofFraction(annual).perPeriod(periods, MathContext.UNLIMITED);

        assertThat(result).isEqualByComparingTo(perPeriod);
    }

    @Test
    void splitsIntoPeriodsWithTheGivenPrecision() {
        BigDecimal monthly = Rate.ofPercent("10").perPeriod(12, new MathContext(10, RoundingMode.HALF_EVEN));

        assertThat(monthly).isEqualTo(new BigDecimal("0.008333333333"));
    }

    @Test
    void refusesToRoundImplicitlyWhenTheQuotientDoesNotTerminate() {
        Rate tenPercent = Rate.ofPercent("10");

        assertThatThrownBy(() -> tenPercent.perPeriod(12, MathContext.UNLIMITED))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsNonPositivePeriodCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.ZERO.perPeriod(0, MathContext.DECIMAL64));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1E+999999999", "1e3", "1E-999999999", "3.65000000001"})
    void refusesExponentsAndAbsurdScalesPromptly(String text) {
        assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> Rate.ofPercent(text)).isInstanceOf(NumberFormatException.class));
        assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> Rate.ofFraction(text)).isInstanceOf(NumberFormatException.class));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1E+999999999", "1E-999999999", "1E+31", "1E-101"})
    void refusesRatesThatNoRoundingCouldHandle(String fraction) {
        // printing 1E+999999999 as a percent would build a billion digits
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatIllegalArgumentException()
                .isThrownBy(() -> Rate.ofFraction(new BigDecimal(fraction))));
    }

    @Test
    void rejectsNegativeRates() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.ofPercent("-0.01"));
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.ofFraction("-1"));
        assertThatThrownBy(() -> Rate.ofFraction((BigDecimal) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void comparesRates() {
        Rate benchmark = Rate.ofPercent("12");

        assertThat(Rate.ofPercent("12.01").exceeds(benchmark)).isTrue();
        assertThat(Rate.ofPercent("12.00").exceeds(benchmark)).isFalse();
        assertThat(Rate.ofPercent("8")).isLessThan(benchmark);
        assertThat(Rate.ZERO.isZero()).isTrue();
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
            "0.12,   12%",
            "0.0365, 3.65%",
            "0.2400, 24%",
    })
    void printsAsPercent(String fraction, String text) {
        assertThat(Rate.ofFraction(fraction)).hasToString(text);
    }
}
