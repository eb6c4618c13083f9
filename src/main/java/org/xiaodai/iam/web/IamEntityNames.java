package org.xiaodai.iam.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.platform.web.EntityNames;
import org.xiaodai.platform.web.LocalisedNames;

/**
 * Names of identity and access records for screens that hold only their ids (the audit trail):
 * users by username, organisations by name or code, branches, roles, change requests and tokens.
 * Read inside the caller's tenant wall, so another institution's records stay unnamed.
 */
@Component
class IamEntityNames implements EntityNames {

    private static final Map<String, String> QUERIES = Map.of(
            "user", "select id, username as name from iam_user where id = any(?)",
            "organisation", "select id, name from iam_organisation where id = any(?)",
            ORGANISATION_CODE, "select id, code as name from iam_organisation where id = any(?)",
            "branch", "select id, name || ' (' || code || ')' as name from iam_branch where id = any(?)",
            "role", "select id, code as name from iam_role where id = any(?)",
            "change-request", "select id, summary as name from iam_change_request where id = any(?)",
            "api-token", """
                    select t.id, t.name || ' (' || u.username || ')' as name
                    from iam_api_token t join iam_user u on u.id = t.user_id where t.id = any(?)""");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final LocalisedNames localised;

    IamEntityNames(JdbcClient jdbc, MessageSource messages, LocalisedNames localised) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.localised = localised;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> names(String kind, Collection<String> ids) {
        String sql = QUERIES.get(kind);
        UUID[] keys = ids.stream().filter(Objects::nonNull).map(IamEntityNames::uuid).filter(Objects::nonNull)
                .distinct().toArray(UUID[]::new);
        if (sql == null || keys.length == 0) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql(sql).param(keys).query((RowCallbackHandler) rs ->
                names.put(rs.getString("id"), rs.getString("name")));
        if ("role".equals(kind)) {
            names.replaceAll((id, code) -> messages.getMessage("role." + code, null, code, LocaleContextHolder.getLocale()));
        } else if ("organisation".equals(kind) || "branch".equals(kind)) {
            names.replaceAll((id, name) -> localised.of(name));
        }
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> choices(String kind) {
        if (!"organisation".equals(kind)) {
            return Map.of();
        }
        Map<String, String> choices = new LinkedHashMap<>();
        jdbc.sql("select id, code, name from iam_organisation order by kind, code").query((RowCallbackHandler) rs ->
                choices.put(rs.getString("id"), rs.getString("code") + " " + localised.of(rs.getString("name"))));
        return choices;
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> kinds() {
        return List.copyOf(QUERIES.keySet());
    }
}
