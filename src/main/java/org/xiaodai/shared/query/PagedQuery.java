package org.xiaodai.shared.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way list pages read a page of rows: a count and a page query over the same rows, with
 * the search, the filters and the scope predicate the caller gives, sorted only by whitelisted
 * SQL expressions (a request names a sort key, never SQL). The tenant wall still applies (it is in
 * the database), and the caller passes its {@code DataScope} predicate as a {@link #where} clause,
 * exactly as for an unpaged list.
 * <pre>{@code
 * DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "id");
 * PageResult<UserRow> page = PagedQuery.over(jdbc, "select u.*, b.path as branch_path from iam_user u left join …")
 *         .where(visible.sql(), visible.parameters())
 *         .search("t.username", "t.display_name")
 *         .sortable(Map.of("username", "t.username", "name", "t.display_name"))
 *         .tieBreaker("t.id")
 *         .fetch(query, IamRepository::user);
 * }</pre>
 * The inner select is wrapped as {@code (…) t}: predicates and sort expressions name its columns
 * through the alias {@code t}. Named parameters only; those starting with {@code _} are the helper's.
 */
public final class PagedQuery {

    private final JdbcClient jdbc;
    private final String from;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> searchColumns = new ArrayList<>();
    private Map<String, String> sortable = Map.of();
    private String tieBreaker;

    private PagedQuery(JdbcClient jdbc, String innerSelect) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.from = "(" + innerSelect + ") t";
    }

    /** A paged read over the rows of {@code innerSelect}, which the helper names {@code t}. */
    public static PagedQuery over(JdbcClient jdbc, String innerSelect) {
        return new PagedQuery(jdbc, innerSelect);
    }

    /** Adds a condition (and its named parameters); conditions are joined with {@code and}. */
    public PagedQuery where(String condition, Map<String, ?> params) {
        conditions.add("(" + condition + ")");
        parameters.putAll(params);
        return this;
    }

    /** Adds a condition only when {@code value} is not null, binding it as {@code name}. */
    public PagedQuery whereIf(Object value, String condition, String name) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where(condition, Map.of(name, value));
        }
        return this;
    }

    /** Columns the search text is looked for in (case-insensitive substring, {@code %} and {@code _} literal). */
    public PagedQuery search(String... columns) {
        searchColumns.addAll(List.of(columns));
        return this;
    }

    /** Sort keys a request may name, and the SQL expression each stands for. */
    public PagedQuery sortable(Map<String, String> keysToExpressions) {
        this.sortable = Map.copyOf(keysToExpressions);
        return this;
    }

    /** A unique expression appended to every order, so paging is stable among equal sort values. */
    public PagedQuery tieBreaker(String expression) {
        this.tieBreaker = expression;
        return this;
    }

    /** The total and the requested page, in one snapshot of the caller's transaction. */
    public <T> PageResult<T> fetch(ListQuery query, RowMapper<T> rows) {
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        String where = where(query, params);
        long total = jdbc.sql("select count(*) from " + from + where).params(params).query(Long.class).single();
        String order = orderBy(query);
        params.put("_limit", query.size());
        params.put("_offset", query.offset());
        List<T> items = total == 0 ? List.of() : jdbc.sql("select * from " + from + where + order
                + " limit :_limit offset :_offset").params(params).query(rows).list();
        return new PageResult<>(items, total, query);
    }

    /**
     * Every matching row in the query's order (its page ignored), at most {@code max}, handed to
     * {@code sink} as it is read (exports); returns how many were handed over.
     */
    public <T> long forEach(ListQuery query, int max, RowMapper<T> rows, java.util.function.Consumer<T> sink) {
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        String where = where(query, params);
        params.put("_limit", max);
        long[] count = {0};
        jdbc.sql("select * from " + from + where + orderBy(query) + " limit :_limit").params(params)
                .withFetchSize(500)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(rows.mapRow(rs, (int) count[0]++)));
        return count[0];
    }

    private String where(ListQuery query, Map<String, Object> params) {
        List<String> all = new ArrayList<>(conditions);
        if (query.hasSearch() && !searchColumns.isEmpty()) {
            all.add("(" + String.join(" or ", searchColumns.stream()
                    .map(c -> "cast(" + c + " as text) ilike :_search escape '\\'").toList()) + ")");
            params.put("_search", "%" + escapeLike(query.search()) + "%");
        }
        return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }

    private String orderBy(ListQuery query) {
        String expression = sortable.get(query.sort());
        if (expression == null) {
            throw new IllegalArgumentException("sort key " + query.sort() + " is not whitelisted");
        }
        String direction = query.descending() ? " desc nulls last" : " asc nulls last";
        return " order by " + expression + direction + (tieBreaker == null ? "" : ", " + tieBreaker + direction);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
