package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xiaodai.shared.Gender;

/**
 * Besides the published example, the valid numbers and the "right check character, wrong
 * something else" numbers below were computed with a throw-away python3 script applying the
 * GB 11643-1999 formula independently of this code.
 */
class ResidentIdNumberTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @ParameterizedTest(name = "{0} is born {1}, {2}")
    @CsvSource({
            "360426199101010071, 1991-01-01, MALE",
            "11010519491231002X, 1949-12-31, FEMALE",
            "440304200002290014, 2000-02-29, MALE",
            "310115198001010024, 1980-01-01, FEMALE",
            "650102202312319999, 2023-12-31, MALE",
            "110101190001010014, 1900-01-01, MALE",
            "510107198506153335, 1985-06-15, MALE",
    })
    void acceptsValidNumbersAndReadsBirthDateAndGender(String raw, LocalDate birthDate, Gender gender) {
        ResidentIdNumber id = valid(raw);

        assertThat(id.value()).isEqualTo(raw);
        assertThat(id.birthDate()).isEqualTo(birthDate);
        assertThat(id.gender()).isEqualTo(gender);
    }

    @ParameterizedTest(name = "\"{0}\" normalises to {1}")
    @CsvSource(delimiter = '|', value = {
            "11010519491231002x|11010519491231002X",
            "  360426199101010071  |360426199101010071",
            "\u3000360426199101010071\t|360426199101010071",
    })
    void acceptsLowerCaseXAndSurroundingWhitespaceAndNormalisesThem(String raw, String normalised) {
        assertThat(valid(raw).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "\u3000"})
    void rejectsMissingNumberAsRequired(String raw) {
        assertOnlyError(raw, "required", "validation.residentId.required");
    }

    @ParameterizedTest(name = "\"{0}\" has the wrong length")
    @ValueSource(strings = {"36042619910101007", "3604261991010100711", "1", "360426 19910101 0071"})
    void rejectsNumberOfWrongLength(String raw) {
        assertOnlyError(raw, "length", "validation.residentId.length");
    }

    @Test
    void reportsExpectedAndActualLength() {
        Violation error = ResidentIdNumber.validate("36042619910101007", AS_OF).errors().getFirst();

        assertThat(error.field()).isEqualTo("residentId");
        assertThat(error.args()).containsExactly(18, 17);
    }

    @ParameterizedTest(name = "\"{0}\" is badly formed")
    @ValueSource(strings = {
            "３６０４２６１９９１０１０１００７１", // full-width digits: 18 characters, none ASCII
            "36042619910101007１",
            "36042619910101007Y",
            "3604261991010100X1",
            "X60426199101010071",
            "360426 99101010071",
            "36042619910101007-",
            "abcdefghijklmnopqr",
            "3604261991010\t0071",
    })
    void rejectsNumberWithCharactersOtherThanAsciiDigitsAndFinalX(String raw) {
        assertOnlyError(raw, "format", "validation.residentId.format");
    }

    @ParameterizedTest(name = "{0} has an unknown province")
    @ValueSource(strings = {"990426199101010079", "000000199101010074"})
    void rejectsNumberFromUnknownRegion(String raw) {
        assertOnlyError(raw, "region", "validation.residentId.region");
    }

    @ParameterizedTest(name = "{0} has no real birth date")
    @ValueSource(strings = {
            "36042619990230001X", // 30 February
            "360426199002290012", // 29 February in a common year
            "36042619911301001X", // month 13
            "360426199101000017", // day 0
            "36042618991231001X", // before 1900
    })
    void rejectsNumberWhoseBirthDateIsNotARealDate(String raw) {
        assertOnlyError(raw, "birthDate", "validation.residentId.birthDate.invalid");
    }

    @Test
    void rejectsNumberBornAfterTheAsOfDate() {
        String bornFirstOfJuly2025 = "360426202507010017";

        assertThat(ResidentIdNumber.validate(bornFirstOfJuly2025, LocalDate.of(2025, 7, 1)).isValid()).isTrue();
        assertThat(ResidentIdNumber.validate(bornFirstOfJuly2025, LocalDate.of(2025, 6, 30)).errors())
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("birthDate"))
                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("validation.residentId.birthDate.future"));
    }

    @ParameterizedTest(name = "{0} has a wrong check character")
    @ValueSource(strings = {
            "360426199101010072", "36042619910101007X", "110105194912310020", "440304200002290015",
            "460426199101010071", // first digit changed
    })
    void rejectsResidentIdWithWrongCheckDigit(String raw) {
        assertThat(ResidentIdNumber.validate(raw, AS_OF).errors())
                .extracting(Violation::rule)
                .contains("checkDigit");
    }

    @Test
    void reportsEveryFailedRuleOfAWellFormedNumberAtOnce() {
        ValidationResult<ResidentIdNumber> result = ResidentIdNumber.validate("990426199902300071", AS_OF);

        assertThat(result.errors()).extracting(Violation::rule).containsExactly("region", "birthDate", "checkDigit");
    }

    @Test
    void computesAgeOnAGivenDate() {
        ResidentIdNumber id = valid("360426199101010071");

        assertThat(id.ageOn(LocalDate.of(2024, 12, 31))).isEqualTo(33);
        assertThat(id.ageOn(LocalDate.of(2025, 1, 1))).isEqualTo(34);
    }

    @Test
    void exposesRegionCodeAndNeverPrintsTheNumberInFull() {
        ResidentIdNumber id = valid("360426199101010071");

        assertThat(id.regionCode()).isEqualTo("360426");
        assertThat(id).hasToString("3604**********0071");
        assertThat(id.masked()).isEqualTo("3604**********0071");
    }

    @Test
    void equalsAnotherInstanceOfTheSameNormalisedNumber() {
        assertThat(valid("11010519491231002x")).isEqualTo(valid("11010519491231002X"))
                .hasSameHashCodeAs(valid("11010519491231002X"));
    }

    @Test
    void reportsViolationsAgainstTheFieldTheCallerNames() {
        ValidationResult<ResidentIdNumber> result = ResidentIdNumber.validate("", AS_OF).forField("guarantor.idNumber");

        assertThat(result.errors()).extracting(Violation::field).containsExactly("guarantor.idNumber");
        assertThat(result.errors()).extracting(Violation::messageKey).containsExactly("validation.residentId.required");
    }

    private static ResidentIdNumber valid(String raw) {
        ValidationResult<ResidentIdNumber> result = ResidentIdNumber.validate(raw, AS_OF);
        assertThat(result.errors()).as("errors of %s", raw).isEmpty();
        return result.toOptional().orElseThrow();
    }

    private static void assertOnlyError(String raw, String rule, String messageKey) {
        ValidationResult<ResidentIdNumber> result = ResidentIdNumber.validate(raw, AS_OF);

        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(result.toOptional()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(ResidentIdNumber.FIELD);
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.messageKey()).isEqualTo(messageKey);
        });
    }
}
