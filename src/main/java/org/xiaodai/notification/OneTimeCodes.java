package org.xiaodai.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One-time codes (短信验证码) for registration and sign-in, delivered through the SMS adapter. A
 * code expires ({@code xiaodai.notification.one-time-code.lifetime}), works once, allows a few
 * wrong tries, and issuing is rate-limited per mobile number and purpose. Only a salted hash of a
 * code is stored. Works inside the given institution's tenant wall; joins the caller's transaction.
 */
public interface OneTimeCodes {

    /**
     * Issues a new code for {@code mobile} and {@code purpose} (e.g. {@code portal.register}) and
     * queues its SMS; earlier open codes for the same number and purpose stop working.
     *
     * @param language "zh" or "en", the language of the text message
     * @throws org.xiaodai.shared.problem.ProblemException 400 naming {@code mobile} for an invalid
     *         number, 429 ({@code rate-limited}) when the number asked too often
     */
    Issued issue(UUID institutionId, String purpose, String mobile, String language);

    /**
     * Checks a code and consumes it when it is right: true exactly once for a live code. A wrong
     * code counts against the code's attempts; past the limit the code is dead.
     */
    boolean verify(UUID institutionId, String purpose, String mobile, String code);

    /** A code issued: its id, when it expires, and the masked number it went to. */
    record Issued(UUID id, Instant expiresAt, String mobileMasked) {
    }
}
