package org.xiaodai.customer.domain;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Synthetic but well-formed identifiers for demo data and tests: resident IDs (GB 11643), unified
 * social credit codes (GB 32100), Luhn-valid bank cards and mobiles. They pass every check digit
 * and belong to nobody on purpose: demo names are obviously fictitious.
 */
public final class SyntheticIds {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private SyntheticIds() {
    }

    /** A resident ID of {@code region} (6 digits) born on {@code birth} with sequence {@code seq} (0–999). */
    public static String residentId(String region, LocalDate birth, int seq) {
        String body = region + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK.charAt(sum % 11);
    }

    /** A random resident ID of a Zhejiang region, born 1960–2000. */
    public static String residentId(RandomGenerator random) {
        String[] regions = {"330102", "330106", "330108", "330203", "330205", "330212", "330302", "330402"};
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
        return residentId(regions[random.nextInt(regions.length)], birth, random.nextInt(1000));
    }

    /** A unified social credit code of a company (91…) registered in {@code region}. */
    public static String creditCode(String region, RandomGenerator random) {
        StringBuilder code = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) {
            code.append(USCC_ALPHABET.charAt(random.nextInt(i < 8 ? 31 : 10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return code.append(USCC_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** An 11-digit mainland mobile. */
    public static String mobile(RandomGenerator random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A 19-digit card with a UnionPay-style BIN and a correct Luhn digit. */
    public static String bankCard(RandomGenerator random) {
        StringBuilder card = new StringBuilder("622202");
        for (int i = 0; i < 12; i++) {
            card.append(random.nextInt(10));
        }
        return card.append(luhnDigit(card)).toString();
    }

    static int luhnDigit(CharSequence body) {
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
