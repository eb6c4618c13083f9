package org.xiaodai.shared.validation;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Set;

import org.xiaodai.shared.Gender;
import org.xiaodai.shared.Masking;

/**
 * A mainland China resident ID number (居民身份证号码), GB 11643-1999, that has passed
 * {@link #validate(String, LocalDate)}.
 *
 * <p>Layout: 6-digit region code, 8-digit birth date {@code yyyyMMdd}, 3-digit sequence (odd for
 * men, even for women), and a check character {@code "10X98765432"[Σ dᵢ·Wᵢ mod 11]} with
 * W = 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2.
 *
 * <p>Invariants of an instance: the value is exactly 18 ASCII characters, the check character is
 * correct and an upper-case {@code X} where it is ten, the province is a real one, and the birth
 * date is a real date no later than the {@code asOf} date it was validated against.
 * {@link #toString()} is masked, so an instance can appear in a log line without leaking the number.
 */
public final class ResidentIdNumber extends Identifier {

    /** The field name and message key segment: {@code validation.residentId.*}. */
    public static final String FIELD = "residentId";

    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter BIRTH_DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /*
     * Only the province level is checked: county codes are renamed and retired over the years,
     * and a number issued under a retired code stays valid for life. 71 (Taiwan), 81 (Hong Kong),
     * 82 (Macao) and 83 (Taiwan residents' permits) appear on residence permits.
     */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        super(value);
        this.birthDate = birthDate;
    }

    /**
     * Validates user input. Surrounding whitespace is ignored and a lower-case {@code x} check
     * character becomes {@code X}. Never throws for bad input: {@code null}, blank, wrong length,
     * non-ASCII digits, an unknown province, an impossible or future birth date and a wrong check
     * character all come back as {@link ValidationResult.Invalid} with rule codes
     * {@code required}, {@code length}, {@code format}, {@code region}, {@code birthDate},
     * {@code checkDigit}.
     *
     * @param raw  the input as typed, may be {@code null}
     * @param asOf the business date the birth date must not be after; must not be {@code null}
     */
    public static ValidationResult<ResidentIdNumber> validate(String raw, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Violations violations = new Violations(FIELD);
        String input = Inputs.stripped(raw);
        if (input.isEmpty()) {
            return violations.error(Violations.REQUIRED).invalid();
        }
        if (Inputs.visibleLength(input) != LENGTH) {
            return violations.error(Violations.LENGTH, LENGTH, Inputs.visibleLength(input)).invalid();
        }
        String id = normaliseCheckChar(input);
        if (!isWellFormed(id)) {
            return violations.error(Violations.FORMAT).invalid();
        }
        if (!PROVINCE_CODES.contains(id.substring(0, 2))) {
            violations.error("region");
        }
        LocalDate birthDate = checkBirthDate(id.substring(6, 14), asOf, violations);
        if (checkChar(id) != id.charAt(LENGTH - 1)) {
            violations.error("checkDigit");
        }
        return violations.result(() -> new ResidentIdNumber(id, birthDate));
    }

    /** The 6-digit administrative region code of the place of first registration. */
    public String regionCode() {
        return value().substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Male for an odd sequence number, female for an even one. */
    public Gender gender() {
        int sequenceLastDigit = value().charAt(16) - '0';
        return sequenceLastDigit % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** Age in whole years on the given date (e.g. for an 18–65 eligibility rule). */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        return Period.between(birthDate, date).getYears();
    }

    /** The number masked for display: {@code 3604**********0071}. */
    public String masked() {
        return Masking.maskResidentId(value());
    }

    /** Masked on purpose: an ID number must never reach a log in full. */
    @Override
    public String toString() {
        return masked();
    }

    /** The check character for the first 17 characters, which must be ASCII digits. */
    static char checkChar(String id) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static String normaliseCheckChar(String input) {
        return input.endsWith("x") ? input.substring(0, input.length() - 1) + 'X' : input;
    }

    private static boolean isWellFormed(String id) {
        if (id.length() != LENGTH || !Inputs.isAsciiDigits(id, 0, LENGTH - 1)) {
            return false;
        }
        char last = id.charAt(LENGTH - 1);
        return (last >= '0' && last <= '9') || last == 'X';
    }

    /** Parses and checks the birth date, recording a violation and returning null if it fails. */
    private static LocalDate checkBirthDate(String digits, LocalDate asOf, Violations violations) {
        LocalDate date;
        try {
            date = LocalDate.parse(digits, BIRTH_DATE_FORMAT);
        } catch (DateTimeParseException e) {
            violations.errorWithKey("birthDate", violations.keyFor("birthDate.invalid"));
            return null;
        }
        // no applicant was born before 1900; such a date is digits typed in the wrong place
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            violations.errorWithKey("birthDate", violations.keyFor("birthDate.invalid"));
            return null;
        }
        if (date.isAfter(asOf)) {
            violations.errorWithKey("birthDate", violations.keyFor("birthDate.future"));
            return null;
        }
        return date;
    }
}
