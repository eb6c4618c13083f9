package org.xiaodai.platform.logging;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data (个人信息, PIPL) in free text before it reaches a log: 18-character
 * resident ID numbers (first 4 and last 4 kept), 16–19-digit card numbers (first 6 and last 4
 * kept), 11-digit mainland mobile numbers (first 3 and last 4 kept) and any password value.
 * The masks follow DOMAIN.md §8. Stateless and thread-safe.
 */
public final class PersonalDataScrubber {

    /** 17 digits and a check character, not part of a longer digit run. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])(\\d{4})\\d{10}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private static final Pattern CARD = Pattern.compile("(?<![0-9])(\\d{6})\\d{6,9}(\\d{4})(?![0-9])");

    /** With or without the country code (+86 / 86). */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])((?:\\+?86)?1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

    /** {@code "password": "…"} as it appears in JSON text, escaped quotes included. */
    private static final Pattern JSON_PASSWORD = Pattern.compile(
            "(\"password\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.CASE_INSENSITIVE);

    /** {@code password=…} as in query strings, properties and toString() output. */
    private static final Pattern ASSIGNED_PASSWORD = Pattern.compile(
            "(password\\s*=\\s*)[^\\s&,;)\\]}]+", Pattern.CASE_INSENSITIVE);

    static final String PASSWORD_MASK = "******";

    private PersonalDataScrubber() {
    }

    /**
     * Returns {@code text} with personal data masked; {@code null} stays {@code null}. Text
     * without a digit or the word "password" is returned as is, so most log lines cost one scan.
     */
    public static String scrub(String text) {
        if (text == null || !mayContainPersonalData(text)) {
            return text;
        }
        String result = RESIDENT_ID.matcher(text).replaceAll("$1**********$2");
        result = CARD.matcher(result).replaceAll(m -> m.group(1) + "*".repeat(m.group().length() - 10) + m.group(2));
        result = MOBILE.matcher(result).replaceAll("$1****$2");
        result = JSON_PASSWORD.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + PASSWORD_MASK + "\""));
        return ASSIGNED_PASSWORD.matcher(result).replaceAll("$1" + PASSWORD_MASK);
    }

    private static boolean mayContainPersonalData(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return text.toLowerCase(Locale.ROOT).contains("password");
    }
}
