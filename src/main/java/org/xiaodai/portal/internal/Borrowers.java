package org.xiaodai.portal.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.notification.OneTimeCodes;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.validation.MobileNumber;

/**
 * Borrower accounts: registration with a one-time code sent to the mobile, sign-in with mobile and
 * password (locked for 15 minutes after 5 wrong passwords in a row), portal API tokens, and the
 * links to the customer records (one per institution) that carry the borrower's ID number and mobile.
 */
@Service
public class Borrowers {

    static final String REGISTER = "portal.register";
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OneTimeCodes codes;
    private final Customers customers;
    private final InstitutionDirectory institutions;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile UUID home;
    private volatile String dummyHash;

    Borrowers(JdbcClient jdbc, TransactionTemplate transactions, OneTimeCodes codes, Customers customers,
              InstitutionDirectory institutions, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codes = codes;
        this.customers = customers;
        this.institutions = institutions;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What registration takes. */
    public record Registration(String mobile, String code, String name, String idNumber, String password, String language) {
    }

    /** One institution where the borrower is a customer. */
    public record Link(UUID institutionId, UUID customerId) {
    }

    /** The platform organisation: the borrowers' home, where their one-time codes are issued. */
    UUID home() {
        UUID h = home;
        if (h == null) {
            h = TenantWall.regionWide(institutions::platformId);
            home = h;
        }
        return h;
    }

    /** Sends a registration code to {@code mobile} (whether or not it is registered: nothing is revealed). */
    public OneTimeCodes.Issued sendCode(String mobile, String language) {
        return codes.issue(home(), REGISTER, mobile == null ? null : mobile.strip(), language);
    }

    /**
     * Registers a borrower: the code must be right, the fields valid; links every institution's
     * customer record with this ID number and mobile. 409 {@code mobile-registered} for a known mobile.
     */
    public BorrowerPrincipal register(Registration r) {
        List<FieldProblem> problems = new ArrayList<>();
        String mobile = r.mobile() == null ? "" : r.mobile().strip();
        Optional<MobileNumber> number = MobileNumber.validate(mobile).toOptional();
        if (number.isEmpty()) {
            problems.add(FieldProblem.of("mobile", "mobile"));
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 60) {
            problems.add(FieldProblem.of("name", name.isEmpty() ? "required" : "size", 1, 60));
        }
        String idNumber = r.idNumber() == null ? "" : r.idNumber().strip().toUpperCase(java.util.Locale.ROOT);
        if (!idNumber.matches("\\d{17}[0-9X]")) {
            problems.add(FieldProblem.of("idNumber", "residentId"));
        }
        if (!strong(r.password())) {
            problems.add(FieldProblem.of("password", "passwordPolicy"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (!codes.verify(home(), REGISTER, mobile, r.code())) {
            throw ProblemException.invalid("code", "codeInvalid");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String language = "en".equals(r.language()) ? "en" : "zh";
        if (registered(mobile)) {
            throw ProblemException.conflict("mobile-registered");
        }
        String personKey = customers.personKey(idNumber, mobile).orElse(null);
        try {
            TenantWall.asInstitution(home(), () -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("""
                        insert into portal_borrower (id, mobile_hash, mobile_hash_keyed, person_key, mobile_masked, display_name,
                            password_hash, language, created_at)
                        values (?, ?, true, ?, ?, ?, ?, ?, ?)""")
                        .params(id, mobileHash(mobile), personKey, number.get().masked(), name, passwords.encode(r.password()),
                                language, Timestamp.from(now)).update();
                audit.recordAs(principal(id, name, number.get().masked()), AuditRecord.created("portal.borrower.registered",
                        "borrower", id, null, Map.of("mobile", number.get().masked())));
            }));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("mobile-registered");
        }
        BorrowerPrincipal principal = principal(id, name, number.get().masked());
        link(principal, idNumber, mobile);
        return principal;
    }

    /** Links the borrower to each institution's customer record with this ID number and mobile. */
    public List<Link> link(BorrowerPrincipal borrower, String idNumber, String mobile) {
        List<Link> made = new ArrayList<>();
        for (InstitutionDirectory.Institution lender : TenantWall.regionWide(institutions::lenders)) {
            TenantWall.asInstitution(lender.id(), () -> transactions.executeWithoutResult(tx ->
                    customers.individualMatching(idNumber, mobile).ifPresent(customer -> {
                        if (insertLink(lender.id(), customer, borrower.borrowerId())) {
                            audit.recordAs(borrower, AuditRecord.created("portal.borrower.linked", "customer", customer,
                                    lender.id(), Map.of("borrowerId", borrower.borrowerId().toString())));
                            made.add(new Link(lender.id(), customer));
                        }
                    })));
        }
        return made;
    }

    /**
     * Links the borrower who is this person (by person key) to a customer record created after they
     * registered; in the institution's wall, inside the caller's transaction. Empty when no borrower
     * is this person or the link exists.
     */
    public Optional<UUID> linkRecorded(UUID institutionId, UUID customerId, String personKey) {
        if (personKey == null) {
            return Optional.empty();
        }
        Optional<UUID> borrower = jdbc.sql("select id from portal_borrower where person_key = ? order by created_at limit 1")
                .param(personKey).query(UUID.class).optional();
        return borrower.filter(b -> insertLink(institutionId, customerId, b)).map(b -> {
            audit.record(AuditRecord.created("portal.borrower.linked", "customer", customerId, institutionId,
                    Map.of("borrowerId", b.toString())));
            return b;
        });
    }

    private boolean insertLink(UUID institutionId, UUID customerId, UUID borrowerId) {
        return jdbc.sql("""
                insert into portal_link (institution_id, customer_id, borrower_id, created_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(institutionId, customerId, borrowerId, Timestamp.from(clock.instant())).update() > 0;
    }

    /** Whether a borrower registered this mobile (by its keyed digest, or the unkeyed hash of before). */
    public boolean registered(String mobile) {
        String m = mobile == null ? "" : mobile.strip();
        return TenantWall.asInstitution(home(), () -> jdbc.sql("""
                select exists (select from portal_borrower where mobile_hash = ? or (mobile_hash = ? and not mobile_hash_keyed))""")
                .params(mobileHash(m), legacyMobileHash(m)).query(Boolean.class).single());
    }

    /** The borrower's customer records, one per institution (a narrow crossing of the wall: theirs only). */
    public List<Link> links(UUID borrowerId) {
        return jdbc.sql("select institution_id, customer_id from portal_borrower_links(?)").param(borrowerId)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Signs in with mobile and password; empty for a wrong pair or a locked account (answered alike). */
    public Optional<BorrowerPrincipal> authenticate(String mobile, String password) {
        if (mobile == null || password == null) {
            return Optional.empty();
        }
        String hash = mobileHash(mobile.strip());
        String legacy = legacyMobileHash(mobile.strip());
        return TenantWall.asInstitution(home(), () -> transactions.execute(tx -> {
            record Row(UUID id, String name, String masked, String passwordHash, int failures, Instant lockedUntil,
                       boolean keyed) {
            }
            Optional<Row> row = jdbc.sql("""
                    select id, display_name, mobile_masked, password_hash, failed_logins, locked_until, mobile_hash_keyed
                    from portal_borrower where mobile_hash = ? or (mobile_hash = ? and not mobile_hash_keyed)
                    order by mobile_hash_keyed desc limit 1 for update""").params(hash, legacy)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                            rs.getBoolean(7))).optional();
            if (row.isEmpty()) {
                passwords.matches(password, dummyHash()); // an unknown mobile costs as much as a wrong password
                return Optional.<BorrowerPrincipal>empty();
            }
            Row r = row.get();
            Instant now = clock.instant();
            if (r.lockedUntil() != null && r.lockedUntil().isAfter(now)) {
                return Optional.<BorrowerPrincipal>empty();
            }
            BorrowerPrincipal principal = principal(r.id(), r.name(), r.masked());
            if (!passwords.matches(password, r.passwordHash())) {
                int failures = r.failures() + 1;
                jdbc.sql("update portal_borrower set failed_logins = ?, locked_until = ? where id = ?")
                        .params(failures >= MAX_FAILURES ? 0 : failures,
                                failures >= MAX_FAILURES ? Timestamp.from(now.plus(LOCK)) : null, r.id()).update();
                audit.recordAs(principal, AuditRecord.changed("portal.borrower.login-failed", "borrower", r.id(), null,
                        null, Map.of("failures", failures)));
                return Optional.<BorrowerPrincipal>empty();
            }
            jdbc.sql("update portal_borrower set failed_logins = 0, locked_until = null where id = ?").param(r.id()).update();
            if (!r.keyed()) {
                // registered before the keyed digest: rehashed now that the borrower typed the mobile, and given
                // the person key of a record they are linked to, so later records of theirs are linked too
                String personKey = links(r.id()).stream().findFirst().flatMap(link -> TenantWall.asInstitution(
                        link.institutionId(), () -> customers.personKeyOf(link.customerId()))).orElse(null);
                jdbc.sql("""
                        update portal_borrower set mobile_hash = ?, mobile_hash_keyed = true,
                            person_key = coalesce(person_key, ?) where id = ?""")
                        .params(hash, personKey, r.id()).update();
            }
            audit.recordAs(principal, AuditRecord.created("portal.borrower.signed-in", "borrower", r.id(), null, Map.of()));
            return Optional.of(principal);
        }));
    }

    /** A new portal API token ({@code xdp_…}); only its hash is stored. */
    public String issueToken(BorrowerPrincipal borrower) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "xdp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                insert into portal_token (token_hash, borrower_id, created_at, expires_at) values (?, ?, ?, ?)""")
                .params(Sha256.hex(token), borrower.borrowerId(), Timestamp.from(now), Timestamp.from(now.plus(TOKEN_LIFETIME)))
                .update());
        return token;
    }

    /** The borrower holding a live token, or empty. */
    public Optional<BorrowerPrincipal> byToken(String token) {
        if (token == null || !token.startsWith("xdp_") || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select b.id, b.display_name, b.mobile_masked from portal_token t join portal_borrower b on b.id = t.borrower_id
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?""")
                .params(Sha256.hex(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> principal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
    }

    /** The borrower's language for texts ("zh" or "en"). */
    public String language(UUID borrowerId) {
        return jdbc.sql("select language from portal_borrower where id = ?").param(borrowerId).query(String.class)
                .optional().orElse("zh");
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = passwords.encode(UUID.randomUUID().toString());
            dummyHash = h;
        }
        return h;
    }

    private BorrowerPrincipal principal(UUID id, String name, String masked) {
        return new BorrowerPrincipal(id, name, masked, home());
    }

    /** The mobile's keyed digest (HMAC-SHA256 with the blind-index key, {@code XIAODAI_INDEX_KEY}): what sign-in looks up. */
    String mobileHash(String mobile) {
        return customers.keyedDigest("portal.mobile", mobile);
    }

    /** The unkeyed hash of the rows registered before the keyed digest (V20261204_0100), until their next sign-in. */
    static String legacyMobileHash(String mobile) {
        return Sha256.hex("portal-mobile:" + mobile);
    }

    /** At least 10 characters with three of: lower case, upper case, digits, other (the staff policy's rule). */
    static boolean strong(String password) {
        if (password == null || password.length() < 10 || password.length() > 128) {
            return false;
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return classes >= 3;
    }
}
