package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalNumberTest {

    /** Only a guard against a hang: every refusal here is a length or pattern check. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0", "12", "12.34", "-5", "+5", "0.0000000001", "123456789012345678", " 10000.00 ",
            "999999999999999999.9999999999"})
    void acceptsPlainDecimalsAsTheyAreWritten(String raw) {
        ValidationResult<BigDecimal> result = DecimalNumber.validate(raw);
        assertThat(result.toOptional()).contains(new BigDecimal(raw.strip()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1E+999999999", "1e999999999", "1e3", "1E-3", "1.5e2", "0x10", "NaN", "Infinity",
            "ten thousand", "1,000.00", "12.", ".5", "+-1", "1.2.3", "１２", "0.12345678901",
            "1234567890123456789", "1 000"})
    void refusesExponentsGroupingAndAbsurdScalesAsDecimalFormat(String raw) {
        ValidationResult<BigDecimal> result = assertTimeoutPreemptively(HANG_GUARD, () -> DecimalNumber.validate(raw));
        assertThat(result.errors()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("decimalFormat");
            assertThat(v.messageKey()).isEqualTo("validation.decimal.decimalFormat");
            assertThat(v.args()).containsExactly(DecimalNumber.MAX_INTEGER_DIGITS, DecimalNumber.MAX_FRACTION_DIGITS);
        });
    }

    @Test
    void refusesAHugeInputWithoutReadingItAsANumber() {
        String huge = "9".repeat(5_000_000) + "e999999999";
        ValidationResult<BigDecimal> result = assertTimeoutPreemptively(HANG_GUARD, () -> DecimalNumber.validate(huge));
        assertThat(result.hasViolation("decimalFormat")).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "\u3000"})
    void reportsAMissingNumberAsRequired(String raw) {
        assertThat(DecimalNumber.validate(raw).hasViolation("required")).isTrue();
        assertThat(DecimalNumber.validate(null).hasViolation("required")).isTrue();
    }

    @Test
    void namesTheFieldItIsAskedFor() {
        assertThat(DecimalNumber.validate("1e3").forField("principal").errors().getFirst().field()).isEqualTo("principal");
    }
}
