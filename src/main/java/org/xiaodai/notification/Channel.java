package org.xiaodai.notification;

/** How a notice reaches its recipient. */
public enum Channel {
    /** A text message through the SMS gateway adapter (simulated unless a real gateway is configured). */
    SMS,
    /** An e-mail over SMTP; skipped when the recipient gave no address or no SMTP server is configured. */
    EMAIL,
    /** A message in the borrower portal's inbox (站内信). */
    IN_APP
}
