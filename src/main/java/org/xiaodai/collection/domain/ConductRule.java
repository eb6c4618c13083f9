package org.xiaodai.collection.domain;

/**
 * A collections conduct rule (催收行为规范, DOMAIN.md §9) that refuses a contact. {@link #code()} is
 * what the 422 problem detail names as its {@code rule}.
 */
public enum ConductRule {
    /** Contact only the borrower and the contacts the borrower named (no disclosure to others). */
    UNNAMED_CONTACT("unnamedContact"),
    /** No contact between 22:00 and 08:00 local time unless the borrower consented. */
    QUIET_HOURS("quietHours"),
    /** At most 6 unanswered call attempts a day per contact. */
    DAILY_ATTEMPT_LIMIT("dailyAttemptLimit");

    private final String code;

    ConductRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
