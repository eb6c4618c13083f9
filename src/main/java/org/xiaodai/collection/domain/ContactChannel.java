package org.xiaodai.collection.domain;

/** How a collector reached out. A letter is not a real-time contact, so quiet hours do not apply to it. */
public enum ContactChannel {
    CALL, SMS, VISIT, LETTER
}
