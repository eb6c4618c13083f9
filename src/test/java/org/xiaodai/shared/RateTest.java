package org.xiaodai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTest {

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
