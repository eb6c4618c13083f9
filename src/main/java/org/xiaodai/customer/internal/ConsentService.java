package org.xiaodai.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.Violation;

/**
 * Separate consents (单独同意, DOMAIN.md §8): a credit-bureau query or data sharing, each with the
 * time it was given, the channel and the version of the text the customer agreed to. A consent
 * is live from its time until it is revoked or expires.
 */
@Service
public class ConsentService {

    /** Through which channel the customer gave the consent. */
    public enum Channel { BRANCH, ONLINE, MOBILE_APP, PAPER }

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final AuditTrail audit;
    private final Clock clock;

    ConsentService(JdbcClient jdbc, CustomerService customers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** One consent as recorded. */
    @Schema(description = "A separate consent with its time, channel and text version.")
    public record Consent(UUID id, UUID customerId, ConsentPurpose purpose, Channel channel,
                          @Schema(example = "CB-2026.1") String textVersion, Instant grantedAt,
                          @Nullable Instant expiresAt, @Nullable Instant revokedAt, boolean live) {
    }

    /** A consent to record; {@code grantedAt} defaults to now, {@code expiresAt} to never. */
    public record NewConsent(String purpose, String channel, String textVersion, OffsetDateTime grantedAt,
                             OffsetDateTime expiresAt) {
    }

    @Transactional
    public Consent grant(CurrentUser caller, UUID customerId, NewConsent in) {
        CustomerRow customer = customers.row(caller, customerId);
        List<Violation> errors = new ArrayList<>();
        ConsentPurpose purpose = oneOf(ConsentPurpose.class, "purpose", in.purpose(), errors);
        Channel channel = oneOf(Channel.class, "channel", in.channel(), errors);
        String version = in.textVersion() == null ? "" : in.textVersion().strip();
        if (version.isEmpty() || version.length() > 40) {
            errors.add(new Violation("textVersion", version.isEmpty() ? "required" : "size",
                    version.isEmpty() ? "problem.field.required" : "problem.field.size", version.isEmpty() ? List.of() : List.of(1, 40)));
        }
        Instant now = clock.instant();
        Instant granted = in.grantedAt() == null ? now : in.grantedAt().toInstant();
        if (granted.isAfter(now)) {
            errors.add(new Violation("grantedAt", "max", "problem.field.max", List.of()));
        }
        Instant expires = in.expiresAt() == null ? null : in.expiresAt().toInstant();
        if (expires != null && !expires.isAfter(granted)) {
            errors.add(new Violation("expiresAt", "min", "problem.field.min", List.of()));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into customer_consent (id, institution_id, customer_id, purpose, channel, text_version, granted_at,
                    expires_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customer.institutionId(), customerId, purpose.name(), channel.name(), version,
                        java.sql.Timestamp.from(granted), expires == null ? null : java.sql.Timestamp.from(expires),
                        caller.userId(), java.sql.Timestamp.from(now))
                .update();
        audit.record(AuditRecord.created("customer.consent.granted", "customer-consent", id, customer.institutionId(),
                Map.of("customerId", customerId.toString(), "purpose", purpose.name(), "channel", channel.name(),
                        "textVersion", version)));
        return get(id);
    }

    @Transactional
    public Consent revoke(CurrentUser caller, UUID customerId, UUID consentId) {
        CustomerRow customer = customers.row(caller, customerId);
        int updated = jdbc.sql("""
                update customer_consent set revoked_at = ? where id = ? and customer_id = ? and revoked_at is null""")
                .params(java.sql.Timestamp.from(clock.instant()), consentId, customerId).update();
        if (updated == 0) {
            throw ProblemException.notFound("consent");
        }
        audit.record(AuditRecord.changed("customer.consent.revoked", "customer-consent", consentId,
                customer.institutionId(), Map.of("revokedAt", "null"), Map.of("revokedAt", clock.instant().toString())));
        return get(consentId);
    }

    @Transactional(readOnly = true)
    public List<Consent> of(CurrentUser caller, UUID customerId) {
        customers.row(caller, customerId);
        return jdbc.sql(select() + " where customer_id = ? order by granted_at desc").param(customerId)
                .query(this::map).list();
    }

    /** Live: granted, not revoked, not expired at the clock's now. A customer the wall hides has none. */
    @Transactional(readOnly = true)
    public boolean hasLiveConsent(UUID customerId, ConsentPurpose purpose) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        return jdbc.sql("""
                select exists (select from customer_consent where customer_id = ? and purpose = ? and revoked_at is null
                    and granted_at <= ? and (expires_at is null or expires_at > ?))""")
                .params(customerId, purpose.name(), now, now).query(Boolean.class).single();
    }

    private Consent get(UUID id) {
        return jdbc.sql(select() + " where id = ?").param(id).query(this::map).single();
    }

    private static String select() {
        return "select id, customer_id, purpose, channel, text_version, granted_at, expires_at, revoked_at from customer_consent";
    }

    private Consent map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Instant granted = rs.getTimestamp("granted_at").toInstant();
        Instant expires = rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant();
        Instant revoked = rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant();
        Instant now = clock.instant();
        boolean live = revoked == null && !granted.isAfter(now) && (expires == null || expires.isAfter(now));
        return new Consent(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                ConsentPurpose.valueOf(rs.getString("purpose")), Channel.valueOf(rs.getString("channel")),
                rs.getString("text_version"), granted, expires, revoked, live);
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String field, String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Violation(field, "required", "problem.field.required", List.of()));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation(field, "oneOf", "problem.field.oneOf", List.of(Arrays.toString(type.getEnumConstants()))));
            return null;
        }
    }
}
