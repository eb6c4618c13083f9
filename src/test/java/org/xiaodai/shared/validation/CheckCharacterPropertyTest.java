package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

/**
 * Properties of the two check-character schemes. The check characters here are computed by this
 * test's own copy of the published formulas, not by the code under test. Both moduli (11 and 31)
 * are prime and no weight is a multiple of them, so changing any single character must change
 * the check character: that is what the second property of each pair asserts.
 */
class CheckCharacterPropertyTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Property
    void everyResidentIdBodyWithItsComputedCheckCharacterValidates(@ForAll("residentIdBodies") String body) {
        String id = body + residentIdCheckChar(body);

        assertThat(ResidentIdNumber.validate(id, AS_OF).errors()).isEmpty();
    }

    @Property
    void changingAnySingleDigitOfAResidentIdFailsTheCheck(
            @ForAll("residentIdBodies") String body,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 10) int shift) {
        String id = body + residentIdCheckChar(body);
        String alphabet = position == 17 ? "0123456789X" : "0123456789";
        String changed = replaceAt(id, position, shifted(alphabet, id.charAt(position), shift));

        assertThat(ResidentIdNumber.validate(changed, AS_OF).errors())
                .extracting(Violation::rule)
                .contains("checkDigit");
    }

    @Property
    void everyCreditCodeBodyWithItsComputedCheckCharacterValidates(@ForAll("creditCodeBodies") String body) {
        assertThat(UnifiedSocialCreditCode.validate(body + creditCodeCheckChar(body)).isValid()).isTrue();
    }

    @Property
    void changingAnySingleCharacterOfACreditCodeFailsTheCheck(
            @ForAll("creditCodeBodies") String body,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = body + creditCodeCheckChar(body);
        String changed = replaceAt(code, position, shifted(USCC_ALPHABET, code.charAt(position), shift));

        assertThat(UnifiedSocialCreditCode.validate(changed).errors())
                .extracting(Violation::rule)
                .containsExactly("checkDigit");
    }

    /** A real province, any 4 further region digits, a real birth date up to AS_OF, any sequence. */
    @Provide
    Arbitrary<String> residentIdBodies() {
        Arbitrary<String> province = Arbitraries.of("11", "13", "31", "36", "44", "51", "65", "81", "82", "83");
        Arbitrary<String> county = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> birthDate = Dates.dates().between(LocalDate.of(1900, 1, 1), AS_OF)
                .map(d -> String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(province, county, birthDate, sequence).as((p, c, b, s) -> p + c + b + s);
    }

    @Provide
    Arbitrary<String> creditCodeBodies() {
        return Arbitraries.strings().withChars(USCC_ALPHABET.toCharArray()).ofLength(17);
    }

    private static char residentIdCheckChar(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static char creditCodeCheckChar(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Another character of the alphabet, {@code shift} places on (wrapping), never the same one. */
    private static char shifted(String alphabet, char current, int shift) {
        int size = alphabet.length();
        int index = alphabet.indexOf(current);
        return alphabet.charAt((index + 1 + (shift - 1) % (size - 1)) % size);
    }

    private static String replaceAt(String s, int position, char c) {
        return s.substring(0, position) + c + s.substring(position + 1);
    }
}
