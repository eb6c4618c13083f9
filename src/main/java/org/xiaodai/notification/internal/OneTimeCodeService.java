package org.xiaodai.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.notification.OneTimeCodes;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.validation.MobileNumber;
import org.xiaodai.shared.validation.ValidationResult;

/**
 * One-time codes: six random digits, stored only as SHA-256 of the code's id and the code, sent by
 * SMS at once (never held back by quiet hours). A new code for a number and purpose ends the
 * earlier ones; a code works once, until it expires, and dies after too many wrong tries.
 */
@Service
class OneTimeCodeService implements OneTimeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final MobileDigest digest;
    private final TransactionTemplate transactions;

    OneTimeCodeService(JdbcClient jdbc, NotificationService notifications, NotificationProperties properties,
                       AuditTrail audit, Clock clock, TransactionTemplate transactions, MobileDigest digest) {
        this.digest = digest;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Issued issue(UUID institutionId, String purpose, String mobile, String language) {
        MobileNumber number = valid(mobile);
        requirePurpose(purpose);
        return TenantWall.asInstitution(institutionId, () -> transactions.execute(tx -> issueInWall(institutionId, purpose,
                number, "en".equals(language) ? "en" : "zh")));
    }

    private Issued issueInWall(UUID institutionId, String purpose, MobileNumber number, String language) {
        Instant now = clock.instant();
        String mobileHash = mobileHash(number.value());
        List<Instant> recent = jdbc.sql("""
                        select created_at from notification_one_time_code
                        where mobile_hash = ? and purpose = ? and created_at > ? order by created_at desc""")
                .params(mobileHash, purpose, Timestamp.from(now.minusSeconds(3600)))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        if (recent.size() >= properties.codesPerHour()
                || !recent.isEmpty() && recent.getFirst().isAfter(now.minus(properties.codeResendInterval()))) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", List.of());
        }
        jdbc.sql("""
                update notification_one_time_code set expires_at = ? where mobile_hash = ? and purpose = ?
                    and consumed_at is null and expires_at > ?""")
                .params(Timestamp.from(now), mobileHash, purpose, Timestamp.from(now)).update();
        UUID id = UUID.randomUUID();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expires = now.plus(properties.codeLifetime());
        jdbc.sql("""
                insert into notification_one_time_code (id, institution_id, purpose, mobile_hash, code_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, institutionId, purpose, mobileHash, codeHash(id, code), Timestamp.from(now), Timestamp.from(expires))
                .update();
        notifications.notifyMobile(institutionId, number.value(), NotificationEvent.ONE_TIME_CODE,
                Map.of("code", code, "minutes", Long.toString(Math.max(1, properties.codeLifetime().toMinutes()))), language);
        audit.record(AuditRecord.created("notification.code.issued", "one-time-code", id, institutionId,
                Map.of("purpose", purpose, "mobile", number.masked(), "expiresAt", expires.toString())));
        return new Issued(id, expires, number.masked());
    }

    @Override
    public boolean verify(UUID institutionId, String purpose, String mobile, String code) {
        Optional<MobileNumber> number = MobileNumber.validate(mobile).toOptional();
        if (number.isEmpty() || code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        return Boolean.TRUE.equals(TenantWall.asInstitution(institutionId, () -> transactions.execute(tx ->
                verifyInWall(institutionId, purpose, number.get(), code.strip()))));
    }

    private Boolean verifyInWall(UUID institutionId, String purpose, MobileNumber number, String code) {
        Instant now = clock.instant();
        record Live(UUID id, String hash) {
        }
        Optional<Live> live = jdbc.sql("""
                        select id, code_hash from notification_one_time_code
                        where mobile_hash = ? and purpose = ? and consumed_at is null and expires_at > ? and failed_attempts < ?
                        order by created_at desc limit 1 for update""")
                .params(mobileHash(number.value()), purpose, Timestamp.from(now), properties.codeAttempts())
                .query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getString(2))).optional();
        if (live.isEmpty()) {
            return false;
        }
        boolean right = MessageDigest.isEqual(live.get().hash().getBytes(StandardCharsets.US_ASCII),
                codeHash(live.get().id(), code).getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            jdbc.sql("update notification_one_time_code set failed_attempts = failed_attempts + 1 where id = ?")
                    .param(live.get().id()).update();
            return false;
        }
        jdbc.sql("update notification_one_time_code set consumed_at = ? where id = ?")
                .params(Timestamp.from(now), live.get().id()).update();
        audit.record(AuditRecord.changed("notification.code.used", "one-time-code", live.get().id(), institutionId,
                Map.of("consumedAt", "null"), Map.of("consumedAt", now.toString(), "purpose", purpose)));
        return true;
    }

    private static MobileNumber valid(String mobile) {
        ValidationResult<MobileNumber> result = MobileNumber.validate(mobile);
        if (!result.isValid()) {
            throw ProblemException.invalid(result.errors().stream()
                    .map(v -> new FieldProblem("mobile", v.rule(), v.messageKey(), v.args())).toList());
        }
        return result.toOptional().orElseThrow();
    }

    private static void requirePurpose(String purpose) {
        if (purpose == null || !purpose.matches("[a-z][a-z0-9.-]{0,39}")) {
            throw ProblemException.invalid("purpose", "format");
        }
    }

    String mobileHash(String mobile) {
        return digest.ofCodes(mobile);
    }

    private static String codeHash(UUID id, String code) {
        return Sha256.hex(id + ":" + code);
    }
}
