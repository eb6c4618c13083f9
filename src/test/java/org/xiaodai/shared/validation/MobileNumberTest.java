package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "15912345678", "19999999999", "17012345678"})
    void acceptsElevenDigitNumbersStartingWithThirteenToNineteen(String raw) {
        assertThat(MobileNumber.validate(raw).toOptional()).get().extracting(MobileNumber::value).isEqualTo(raw);
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(MobileNumber.validate(" 13800138000\n").toOptional()).get()
                .extracting(MobileNumber::value).isEqualTo("13800138000");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\u3000"})
    void rejectsMissingNumberAsRequired(String raw) {
        assertOnlyError(raw, "required");
    }

    @ParameterizedTest(name = "\"{0}\" has the wrong length")
    @ValueSource(strings = {"1380013800", "138001380000", "+8613800138000", "138 0013 8000"})
    void rejectsNumberOfWrongLength(String raw) {
        assertOnlyError(raw, "length");
    }

    @ParameterizedTest(name = "\"{0}\" is badly formed")
    @ValueSource(strings = {"12800138000", "10800138000", "23800138000", "1380013800A", "１３８００１３８０００", "138-0013800"})
    void rejectsNumberThatIsNotAMainlandMobileNumber(String raw) {
        assertOnlyError(raw, "format");
    }

    @Test
    void neverPrintsTheNumberInFull() {
        assertThat(MobileNumber.validate("13812341234").toOptional()).get().hasToString("138****1234");
    }

    private static void assertOnlyError(String raw, String rule) {
        ValidationResult<MobileNumber> result = MobileNumber.validate(raw);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("mobile");
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.messageKey()).isEqualTo("validation.mobile." + rule);
        });
    }
}
