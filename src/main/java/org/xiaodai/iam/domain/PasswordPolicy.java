package org.xiaodai.iam.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password rules (密码策略): at least {@code minLength} characters, at least three of the four
 * character classes (upper, lower, digit, symbol), and not containing the username.
 *
 * @param minLength minimum number of characters, at least 8
 */
public record PasswordPolicy(int minLength) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(10);

    public PasswordPolicy {
        if (minLength < 8) {
            throw new IllegalArgumentException("minLength must be at least 8");
        }
    }

    /** Rule codes the password breaks; empty when it is acceptable. */
    public List<String> violations(String password, String username) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.isBlank()) {
            broken.add("required");
            return broken;
        }
        if (password.length() < minLength) {
            broken.add("tooShort");
        }
        if (password.length() > 128) {
            broken.add("tooLong");
        }
        if (characterClasses(password) < 3) {
            broken.add("tooSimple");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            broken.add("containsUsername");
        }
        return broken;
    }

    private static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
