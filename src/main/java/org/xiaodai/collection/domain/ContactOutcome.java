package org.xiaodai.collection.domain;

/** What came of a contact. {@link #NO_ANSWER} on a call counts against the daily attempt limit. */
public enum ContactOutcome {
    ANSWERED, NO_ANSWER, PROMISE_TO_PAY, REFUSED_TO_PAY, WRONG_NUMBER, LEFT_MESSAGE;

    /** Reached the person (right-party contact), for the contact rate. */
    public boolean reached() {
        return this == ANSWERED || this == PROMISE_TO_PAY || this == REFUSED_TO_PAY;
    }
}
