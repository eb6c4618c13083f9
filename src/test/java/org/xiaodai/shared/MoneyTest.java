package org.xiaodai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Executable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    /** Only a guard against a hang: the refusals are length, pattern and range checks. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private static final Currency USD = Currency.getInstance("USD");

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "12.34,  0.66,   13.00",
            "0.1,    0.2,    0.3",
            "100,    -100,   0",
            "0.0001, 0.0002, 0.0003",
    })
    void addsExactly(String a, String b, String sum) {
        assertThat(Money.cny(a).plus(Money.cny(b))).isEqualTo(Money.cny(sum));
    }

    @ParameterizedTest(name = "{0} - {1} = {2}")
    @CsvSource({
            "13.00, 0.66,  12.34",
            "0.3,   0.1,   0.2",
            "10,    10.01, -0.01",
    })
    void subtractsExactly(String a, String b, String difference) {
        assertThat(Money.cny(a).minus(Money.cny(b))).isEqualTo(Money.cny(difference));
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
            "10000,  0.01,        100",
            "1234.56, 0.0003333, 0.411478848",
            "0.01,   -1,          -0.01",
    })
    void multipliesWithoutRounding(String amount, String factor, String product) {
        Money result = Money.cny(amount).times(new BigDecimal(factor));

        assertThat(result.amount()).isEqualByComparingTo(product);
    }

    @Test
    void multipliesByWholeNumber() {
        assertThat(Money.cny("333.33").times(3)).isEqualTo(Money.cny("999.99"));
    }

    @Test
    void dividesOnlyWithTheRoundingItIsGiven() {
        Money third = Money.cny("100").dividedBy(BigDecimal.valueOf(3), 2, RoundingMode.HALF_EVEN);

        assertThat(third.amount()).isEqualTo(new BigDecimal("33.33"));
    }

    @Test
    void negatesAndTakesAbsoluteValue() {
        Money amount = Money.cny("12.34");

        assertThat(amount.negate()).isEqualTo(Money.cny("-12.34"));
        assertThat(amount.negate().abs()).isEqualTo(amount);
    }

    @Test
    void reportsSign() {
        assertThat(Money.cny("0.00").isZero()).isTrue();
        assertThat(Money.zero(Money.CNY).isZero()).isTrue();
        assertThat(Money.cny("-0.01").isNegative()).isTrue();
        assertThat(Money.cny("0.01").isPositive()).isTrue();
        assertThat(Money.cny("0.01").isNegative()).isFalse();
    }

    @Test
    void comparesByValueIgnoringScale() {
        assertThat(Money.cny("1.0")).isEqualByComparingTo(Money.cny("1.00"));
        assertThat(Money.cny("1.01").isGreaterThan(Money.cny("1"))).isTrue();
        assertThat(Money.cny("0.99").isLessThan(Money.cny("1"))).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        Money yuan = Money.cny("1");
        Money dollar = Money.of("1", "USD");

        assertThatIllegalArgumentException().isThrownBy(() -> yuan.plus(dollar)).withMessageContaining("CNY vs USD");
        assertThatIllegalArgumentException().isThrownBy(() -> yuan.minus(dollar));
        assertThatIllegalArgumentException().isThrownBy(() -> yuan.compareTo(dollar));
        assertThatIllegalArgumentException().isThrownBy(() -> yuan.isGreaterThan(dollar));
    }

    @ParameterizedTest(name = "{0} equals {1}")
    @CsvSource({
            "1.0,  1.00",
            "1,    1.0000",
            "0,    0.00",
            "-0.5, -0.50",
    })
    void treatsAmountsThatDifferOnlyInScaleAsEqual(String a, String b) {
        assertThat(Money.cny(a)).isEqualTo(Money.cny(b));
        assertThat(Money.cny(a)).hasSameHashCodeAs(Money.cny(b));
    }

    @Test
    void treatsSameAmountInOtherCurrencyAsDifferent() {
        assertThat(Money.cny("1.00")).isNotEqualTo(Money.of(new BigDecimal("1.00"), USD));
    }

    @ParameterizedTest(name = "{0} rounded {1} is {2}")
    @CsvSource({
            "2.345,   HALF_EVEN, 2.34",
            "2.345,   HALF_UP,   2.35",
            "2.355,   HALF_EVEN, 2.36",
            "2.355,   HALF_UP,   2.36",
            "-2.345,  HALF_EVEN, -2.34",
            "-2.345,  HALF_UP,   -2.35",
            "2.3451,  HALF_EVEN, 2.35",
            "2.344,   HALF_UP,   2.34",
            "7,       HALF_UP,   7.00",
    })
    void roundsTiesAccordingToTheGivenMode(String amount, RoundingMode mode, String expected) {
        Money rounded = Money.cny(amount).rounded(mode);

        assertThat(rounded.amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void roundsToTheCurrencyMinorUnit() {
        Money yen = Money.of("1234.5", "JPY");

        assertThat(yen.rounded(RoundingMode.HALF_EVEN).amount()).isEqualTo(new BigDecimal("1234"));
        assertThat(yen.rounded(RoundingMode.HALF_UP).amount()).isEqualTo(new BigDecimal("1235"));
    }

    @ParameterizedTest(name = "{0} to scale {1} {2} is {3}")
    @CsvSource({
            "0.123450, 4, HALF_EVEN, 0.1234",
            "0.123450, 4, HALF_UP,   0.1235",
            "12.3,     4, UNNECESSARY, 12.3000",
    })
    void roundsToAnExplicitScale(String amount, int scale, RoundingMode mode, String expected) {
        assertThat(Money.cny(amount).roundedTo(scale, mode).amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void keepsTheScaleItWasGivenUntilRounded() {
        assertThat(Money.cny("12.3456").amount().scale()).isEqualTo(4);
        assertThat(Money.cny("12.3456").plus(Money.cny("0.0044")).amount()).isEqualTo(new BigDecimal("12.3500"));
    }

    @ParameterizedTest(name = "{0} prints as \"{1}\"")
    @CsvSource({
            "12.34, CNY 12.34",
            "1E+3,  CNY 1000",
            "-0.50, CNY -0.50",
    })
    void printsCurrencyCodeAndPlainAmount(String amount, String expected) {
        // a BigDecimal, as arithmetic produces it: the text parser refuses exponents
        assertThat(Money.cny(new BigDecimal(amount))).hasToString(expected);
    }

    @Test
    void buildsFromCodeOrCurrency() {
        assertThat(Money.of("12.34", "CNY")).isEqualTo(Money.cny(new BigDecimal("12.34")));
        assertThat(Money.zero(USD)).isEqualTo(Money.of(BigDecimal.ZERO, USD));
        assertThat(Money.cny("1").currencyCode()).isEqualTo("CNY");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1E+999999999", "1e3", "1E-999999999", "0.12345678901",
            "1234567890123456789"})
    void refusesExponentsAndAbsurdScalesPromptly(String amount) {
        assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> Money.cny(amount)).isInstanceOf(NumberFormatException.class));
        assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> Money.of(amount, "CNY")).isInstanceOf(NumberFormatException.class));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1E+999999999", "1E-999999999", "1E+31", "1E-101"})
    void refusesAmountsThatNoRoundingCouldHandle(String amount) {
        // e.g. a BigDecimal Jackson read from a JSON number: rounding 1E+999999999 would build a billion digits
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.cny(new BigDecimal(amount))));
    }

    @Test
    void keepsTheExactScaleOfArithmetic() {
        Money product = Money.cny("10000.00").times(new BigDecimal("0.0383333333333333333333333333333333"));
        assertThat(product.times(new BigDecimal("0.0383333333333333333333333333333333")).amount().scale()).isEqualTo(70);
    }

    @Test
    void rejectsMissingPartsAndNonsense() {
        assertThatThrownBy(() -> new Money(null, Money.CNY)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.cny("12,34")).isInstanceOf(NumberFormatException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "RMB"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "XXX"));
    }

    @Test
    void offersNoWayToBuildFromFloatingPoint() {
        Stream<Executable> publicApi = Stream.concat(
                Arrays.stream(Money.class.getConstructors()), Arrays.stream(Money.class.getMethods()));

        assertThat(publicApi.flatMap(e -> Arrays.stream(e.getParameterTypes())))
                .doesNotContain(double.class, float.class, Double.class, Float.class);
    }
}
