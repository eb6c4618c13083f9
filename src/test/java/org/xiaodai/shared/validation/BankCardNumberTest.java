package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankCardNumberTest {

    @ParameterizedTest(name = "{0} ({1} digits)")
    @CsvSource({
            "6222021234567894,    16",
            "62284804025648900,   17",
            "621483012345678910,  18",
            "6217001234567890122, 19",
    })
    void acceptsLuhnValidCardsOfSixteenToNineteenDigitsWithoutWarning(String raw, int length) {
        ValidationResult<BankCardNumber> result = BankCardNumber.validate(raw);

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.toOptional()).get().satisfies(card -> {
            assertThat(card.value()).hasSize(length);
            assertThat(card.passesLuhn()).isTrue();
        });
    }

    @Test
    void acceptsCardThatFailsLuhnButWarnsAboutIt() {
        ValidationResult<BankCardNumber> result = BankCardNumber.validate("6222021234567891");

        assertThat(result.isValid()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("bankCard");
            assertThat(v.rule()).isEqualTo("luhn");
            assertThat(v.messageKey()).isEqualTo("validation.bankCard.luhn");
        });
        assertThat(result.toOptional()).get().extracting(BankCardNumber::passesLuhn).isEqualTo(false);
    }

    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource(delimiter = '|', value = {
            "6222 0212 3456 7894|6222021234567894",
            "  6222021234567894 |6222021234567894",
    })
    void ignoresGroupingSpacesAndSurroundingWhitespace(String raw, String digits) {
        assertThat(BankCardNumber.validate(raw).toOptional()).get().extracting(BankCardNumber::value).isEqualTo(digits);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "    ", "\u3000"})
    void rejectsMissingCardAsRequired(String raw) {
        assertOnlyError(raw, "required");
    }

    @ParameterizedTest(name = "\"{0}\" has the wrong length")
    @ValueSource(strings = {"622202123456789", "62220212345678901234", "6"})
    void rejectsCardWithFewerThanSixteenOrMoreThanNineteenDigits(String raw) {
        assertOnlyError(raw, "length");
    }

    @Test
    void reportsAllowedAndActualLength() {
        assertThat(BankCardNumber.validate("622202123456789").errors().getFirst().args()).containsExactly(16, 19, 15);
    }

    @ParameterizedTest(name = "\"{0}\" is badly formed")
    @ValueSource(strings = {"６２２２０２１２３４５６７８９４", "6222-0212-3456-7894", "622202123456789A", "6222\t021234567894"})
    void rejectsCardWithCharactersOtherThanAsciiDigits(String raw) {
        assertOnlyError(raw, "format");
    }

    @Test
    void exposesIssuerAndLastFourAndNeverPrintsTheNumberInFull() {
        BankCardNumber card = BankCardNumber.validate("6217001234567890122").toOptional().orElseThrow();

        assertThat(card.issuerIdentificationNumber()).isEqualTo("621700");
        assertThat(card.lastFour()).isEqualTo("0122");
        assertThat(card).hasToString("621700*********0122");
    }

    private static void assertOnlyError(String raw, String rule) {
        ValidationResult<BankCardNumber> result = BankCardNumber.validate(raw);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("bankCard");
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.messageKey()).isEqualTo("validation.bankCard." + rule);
        });
    }
}
