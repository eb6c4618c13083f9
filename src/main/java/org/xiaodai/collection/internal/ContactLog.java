package org.xiaodai.collection.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.collection.domain.ConductRule;
import org.xiaodai.collection.domain.ConductRules;
import org.xiaodai.collection.domain.ContactChannel;
import org.xiaodai.collection.domain.ContactOutcome;
import org.xiaodai.customer.CustomerContact;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The contact log (催收记录) with the conduct rules enforced: before a contact is logged the rules
 * of DOMAIN.md §9 are checked at the time of the contact in the region's zone; a contact that breaks
 * one is refused with a 422 naming the rule, and the refusal is committed to the audit trail (in its
 * own transaction, so the refusal stays on the record although the request fails). The wall clock
 * comes in as a {@link Clock} parameter: the API passes the application's, tests a fixed one.
 */
@Service
public class ContactLog {

    private final JdbcClient jdbc;
    private final CaseAccess cases;
    private final Customers customers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final CollectionProperties properties;

    ContactLog(JdbcClient jdbc, CaseAccess cases, Customers customers, AuditTrail audit,
               TransactionTemplate transactions, CollectionProperties properties) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.customers = customers;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** A contact as the collector reports it. */
    public record NewContact(String contactId, String channel, String outcome, String note) {
    }

    private sealed interface Result permits Logged, Refused {
    }

    private record Logged(CaseViews.ContactEntry entry) implements Result {
    }

    private record Refused(ConductRule rule) implements Result {
    }

    /**
     * Logs a contact made now (by {@code clock}) or refuses it.
     *
     * @throws ProblemException 404 for a case outside the caller's scope, 400 for bad input, 422
     *         ({@code rule} = the conduct rule's code) when a conduct rule refuses it
     */
    public CaseViews.ContactEntry record(CurrentUser caller, UUID caseId, NewContact in, Clock clock) {
        Result result = transactions.execute(tx -> attempt(caller, caseId, in, clock));
        if (result instanceof Refused refused) {
            throw ProblemException.refused("conduct-" + kebab(refused.rule()), refused.rule().code());
        }
        return ((Logged) result).entry();
    }

    private Result attempt(CurrentUser caller, UUID caseId, NewContact in, Clock clock) {
        CaseViews.CaseSummary c = cases.require(caller, caseId, true);
        List<FieldProblem> errors = new ArrayList<>();
        UUID contactId = uuid("contactId", in.contactId(), errors);
        ContactChannel channel = oneOf(ContactChannel.class, "channel", in.channel(), errors);
        ContactOutcome outcome = oneOf(ContactOutcome.class, "outcome", in.outcome(), errors);
        String note = in.note() == null ? null : in.note().strip();
        if (note != null && note.length() > 1000) {
            errors.add(FieldProblem.of("note", "size", 0, 1000));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(clock.getZone());
        Optional<CustomerContact> named = customers.contacts(c.customerId()).stream()
                .filter(k -> k.id().equals(contactId)).findFirst();
        long unanswered = jdbc.sql("""
                        select count(*) from collection_contact where case_id = ? and contact_id = ? and local_day = ?
                        and channel = 'CALL' and outcome = 'NO_ANSWER'""")
                .params(caseId, contactId, local.toLocalDate()).query(Long.class).single();
        Optional<ConductRule> broken = ConductRules.check(new ConductRules.Attempt(local, channel, named.isPresent(),
                c.quietHoursConsentAt() != null, unanswered), properties.policy());
        UUID institution = cases.institutionOf(caseId);
        if (broken.isPresent()) {
            audit.record(AuditRecord.created("collection.contact.refused", "collection-case", caseId, institution,
                    Map.of("rule", broken.get().code(), "contactId", contactId.toString(), "channel", channel.name(),
                            "attemptedAt", now.toString(), "localTime", local.toLocalTime().toString(),
                            "unansweredCallsToday", unanswered)));
            return new Refused(broken.get());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into collection_contact (id, institution_id, case_id, contact_id, borrower, channel, outcome, note,
                    contacted_at, local_day, collector_id, collector_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, institution, caseId, contactId, named.get().borrower(), channel.name(), outcome.name(), note,
                        Timestamp.from(now), local.toLocalDate(), caller.userId(), caller.displayName(), Timestamp.from(now))
                .update();
        audit.record(AuditRecord.created("collection.contact.logged", "collection-contact", id, institution,
                Map.of("caseId", caseId.toString(), "contactId", contactId.toString(), "channel", channel.name(),
                        "outcome", outcome.name())));
        return new Logged(new CaseViews.ContactEntry(id, contactId, named.get().borrower(), channel.name(), outcome.name(),
                note, now, caller.userId(), caller.displayName()));
    }

    List<CaseViews.ContactEntry> of(UUID caseId) {
        return jdbc.sql("select * from collection_contact where case_id = ? order by contacted_at desc, id")
                .param(caseId).query(CaseViews.ContactEntry::map).list();
    }

    private static String kebab(ConductRule rule) {
        return rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static UUID uuid(String field, String raw, List<FieldProblem> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldProblem.of(field, "format"));
            return null;
        }
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String field, String raw, List<FieldProblem> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, "oneOf", "problem.field.oneOf", List.of(Arrays.toString(type.getEnumConstants()))));
            return null;
        }
    }
}
