package org.xiaodai.audit.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.platform.web.EntityNames;
import org.xiaodai.platform.web.ShownTimes;

/**
 * Turns audit entries into what people read: the time in their zone, the action as words in their
 * language, the actor as {@code a-admin (HZXD)} and the record as {@code 用户 a-officer}, each
 * with its id kept for the hover title. Names come from the modules that own the records
 * ({@link EntityNames}), read inside the reader's tenant wall; an unnamed record shows its id.
 */
@Component
class AuditRows {

    private final List<EntityNames> names;
    private final MessageSource messages;

    AuditRows(List<EntityNames> names, MessageSource messages) {
        this.names = names;
        this.messages = messages;
    }

    /** One entry as a row of the page or the export. */
    record Row(long seq, String id, String time, String isoTime, String actor, String actorTitle, String action,
               String actionCode, String object, String objectTitle, String institution, String institutionTitle,
               String client, String before, String after) {
    }

    List<Row> rows(List<AuditEntryView> entries, ShownTimes times) {
        Names resolved = resolve(entries);
        return entries.stream().map(e -> row(e, resolved, times)).toList();
    }

    /** Names for a batch of entries: one query per kind of record. */
    Names resolve(Collection<AuditEntryView> entries) {
        Map<String, Map<String, String>> byKind = new HashMap<>();
        Map<String, List<String>> wanted = new HashMap<>();
        for (AuditEntryView e : entries) {
            add(wanted, "user", e.actorId());
            add(wanted, EntityNames.ORGANISATION_CODE, e.actorOrganisationId());
            add(wanted, EntityNames.ORGANISATION_CODE, e.institutionId());
            add(wanted, "organisation", e.institutionId());
            if (e.entityId() != null) {
                wanted.computeIfAbsent(e.entityType(), k -> new java.util.ArrayList<>()).add(e.entityId());
            }
        }
        wanted.forEach((kind, ids) -> {
            Map<String, String> found = new HashMap<>();
            names.forEach(source -> found.putAll(source.names(kind, ids)));
            byKind.put(kind, found);
        });
        return new Names(byKind);
    }

    Row row(AuditEntryView e, Names n, ShownTimes times) {
        Locale locale = LocaleContextHolder.getLocale();
        String orgCode = n.name(EntityNames.ORGANISATION_CODE, e.actorOrganisationId());
        String actorName = e.actorId() == null ? text("console.audit.system", locale) : e.actorName();
        String actor = orgCode == null ? actorName : actorName + " (" + orgCode + ")";
        String actorTitle = e.actorId() == null ? "" : "id " + e.actorId();
        String kind = word("kind", e.entityType(), e.action(), locale);
        String objectName = e.entityId() == null ? null : n.name(e.entityType(), e.entityId());
        String object = e.entityId() == null ? kind
                : kind + " " + (objectName != null ? objectName : abbreviate(e.entityId()));
        String objectTitle = e.entityId() == null ? "" : e.entityType() + ":" + e.entityId();
        String institution = e.institutionId() == null ? ""
                : Objects.requireNonNullElse(n.name(EntityNames.ORGANISATION_CODE, e.institutionId()),
                        abbreviate(e.institutionId().toString()));
        String institutionTitle = e.institutionId() == null ? ""
                : Objects.requireNonNullElse(n.name("organisation", e.institutionId()), "") + " id " + e.institutionId();
        String action = word("action", e.action(), e.action(), locale);
        return new Row(e.seq(), e.id().toString(), times.seconds(e.occurredAt()), times.iso(e.occurredAt()), actor,
                actorTitle, action, e.action(), object, objectTitle, institution, institutionTitle.strip(),
                Objects.requireNonNullElse(e.clientAddress(), ""), e.before(), e.after());
    }

    /**
     * An action or a kind of record as words: {@code console.audit.<what>.<code>}, else the owning
     * module's {@code <module>.audit.<what>.<code>} (module = the action's first segment, e.g.
     * {@code customer} for {@code customer.created}), else the code itself.
     */
    private String word(String what, String code, String action, Locale locale) {
        String own = messages.getMessage("console.audit." + what + "." + code, null, null, locale);
        if (own != null) {
            return own;
        }
        String module = action.contains(".") ? action.substring(0, action.indexOf('.')) : action;
        return messages.getMessage(module + ".audit." + what + "." + code, null, code, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void add(Map<String, List<String>> wanted, String kind, UUID id) {
        if (id != null) {
            wanted.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(id.toString());
        }
    }

    private static String abbreviate(String id) {
        return id.length() > 13 ? id.substring(0, 8) + "…" : id;
    }

    /** Resolved names by kind and id. */
    record Names(Map<String, Map<String, String>> byKind) {
        String name(String kind, Object id) {
            return id == null ? null : byKind.getOrDefault(kind, Map.of()).get(id.toString());
        }
    }
}
