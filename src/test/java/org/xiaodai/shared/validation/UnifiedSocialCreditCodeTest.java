package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Besides the published example, the valid codes were computed with a throw-away python3 script
 * applying the GB 32100-2015 formula independently of this code.
 */
class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91110000600037341L",
            "91310000MA1FL0000N",
            "12100000400000000W",
            "91440300MA5D11111T",
            "52330000XY0000000C",
            "93370000MA3C000003",
    })
    void acceptsValidCodes(String raw) {
        assertThat(valid(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "\"{0}\" normalises to {1}")
    @CsvSource(delimiter = '|', value = {
            "91110000600037341l|91110000600037341L",
            "91310000ma1fl0000n|91310000MA1FL0000N",
            " 91110000600037341L\t|91110000600037341L",
    })
    void acceptsLowerCaseAndSurroundingWhitespaceAndNormalisesThem(String raw, String normalised) {
        assertThat(valid(raw).value()).isEqualTo(normalised);
    }

    @Test
    void splitsTheCodeIntoItsParts() {
        UnifiedSocialCreditCode code = valid("91110000600037341L");

        assertThat(code.registrationAuthorityCode()).isEqualTo('9');
        assertThat(code.entityTypeCode()).isEqualTo('1');
        assertThat(code.regionCode()).isEqualTo("110000");
        assertThat(code.organizationCode()).isEqualTo("600037341");
        assertThat(code).hasToString("91110000600037341L");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\u3000"})
    void rejectsMissingCodeAsRequired(String raw) {
        assertOnlyError(raw, "required");
    }

    @ParameterizedTest(name = "\"{0}\" has the wrong length")
    @ValueSource(strings = {"91110000600037341", "91110000600037341LL", "9"})
    void rejectsCodeOfWrongLength(String raw) {
        assertOnlyError(raw, "length");
    }

    @ParameterizedTest(name = "\"{0}\" is badly formed")
    @ValueSource(strings = {
            "9111000060003734IL", // I is not in the alphabet
            "9111000060003734OL",
            "91110000600037341S",
            "91110000600037341V",
            "91110000600037341Z",
            "９１１１００００６０００３７３４１Ｌ", // full-width
            "91110000-60003734L",
            "911100006000 7341L",
    })
    void rejectsCodeWithCharactersOutsideTheAlphabet(String raw) {
        assertOnlyError(raw, "format");
    }

    @ParameterizedTest(name = "{0} has a wrong check character")
    @ValueSource(strings = {"91110000600037341M", "911100006000373410", "81110000600037341L", "91310000MA1FL0000P"})
    void rejectsCreditCodeWithWrongCheckDigit(String raw) {
        assertOnlyError(raw, "checkDigit");
    }

    private static UnifiedSocialCreditCode valid(String raw) {
        ValidationResult<UnifiedSocialCreditCode> result = UnifiedSocialCreditCode.validate(raw);
        assertThat(result.errors()).as("errors of %s", raw).isEmpty();
        return result.toOptional().orElseThrow();
    }

    private static void assertOnlyError(String raw, String rule) {
        ValidationResult<UnifiedSocialCreditCode> result = UnifiedSocialCreditCode.validate(raw);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("creditCode");
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.messageKey()).isEqualTo("validation.creditCode." + rule);
        });
    }
}
