package org.xiaodai.collection.domain;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a contact may happen (DOMAIN.md §9): pure, the time is a parameter (the borrower's
 * local time), so the rules are tested with any clock. Checked in this order: whom, when, how often.
 */
public final class ConductRules {

    private ConductRules() {
    }

    /**
     * One intended contact.
     *
     * @param at                 when, in the borrower's local zone
     * @param channel            how
     * @param namedContact       the borrower or a contact the borrower named
     * @param quietHoursConsent  the borrower agreed to contact during the quiet hours
     * @param unansweredCallsToday unanswered calls already made to this contact on {@code at}'s local day
     */
    public record Attempt(ZonedDateTime at, ContactChannel channel, boolean namedContact, boolean quietHoursConsent,
                          long unansweredCallsToday) {

        public Attempt {
            Objects.requireNonNull(at, "at must not be null");
            Objects.requireNonNull(channel, "channel must not be null");
        }
    }

    /** The rule the attempt breaks, or empty when it may go ahead. */
    public static Optional<ConductRule> check(Attempt attempt, ConductPolicy policy) {
        if (!attempt.namedContact()) {
            return Optional.of(ConductRule.UNNAMED_CONTACT);
        }
        if (attempt.channel() != ContactChannel.LETTER && !attempt.quietHoursConsent()
                && policy.quiet(attempt.at().toLocalTime())) {
            return Optional.of(ConductRule.QUIET_HOURS);
        }
        if (attempt.channel() == ContactChannel.CALL && attempt.unansweredCallsToday() >= policy.maxUnansweredCallsPerDay()) {
            return Optional.of(ConductRule.DAILY_ATTEMPT_LIMIT);
        }
        return Optional.empty();
    }
}
