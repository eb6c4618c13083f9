package org.xiaodai.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;

/**
 * The URLs of one list page's state, for the shared fragment {@code fragments/list}: the same page
 * with another sort, another page number or without the search. The state lives in the query
 * string ({@code q, sort, dir, page, size} plus the page's own filters), so a bookmarked or shared
 * link shows the same rows, and the browser's back button works.
 *
 * @param path    the list page, e.g. {@code /users}
 * @param query   the current query
 * @param filters the page's own filters as they appear in the URL (empty values are left out)
 */
public record ListLinks(String path, ListQuery query, Map<String, String> filters) {

    public ListLinks {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        filters = java.util.Collections.unmodifiableMap(kept);
    }

    public static ListLinks of(String path, PageResult<?> page) {
        return new ListLinks(path, page.query(), Map.of());
    }

    public static ListLinks of(String path, PageResult<?> page, Map<String, String> filters) {
        return new ListLinks(path, page.query(), filters);
    }

    /** This page sorted by {@code column}: ascending first, the other way round when it already is. */
    public String sort(String column) {
        boolean descending = column.equals(query.sort()) && !query.descending();
        return url(query.search(), column, descending, 1);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for {@code aria-sort}. */
    public String sortState(String column) {
        if (!column.equals(query.sort())) {
            return "none";
        }
        return query.descending() ? "descending" : "ascending";
    }

    public String page(int number) {
        return url(query.search(), query.sort(), query.descending(), number);
    }

    /** The first page without the search text, filters kept. */
    public String withoutSearch() {
        return url("", query.sort(), query.descending(), 1);
    }

    /** The current URL with {@code format=csv}, for exports of the filtered view. */
    public String export(String exportPath) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(exportPath);
        if (query.hasSearch()) {
            builder.queryParam("q", query.search());
        }
        filters.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }

    private String url(String search, String sort, boolean descending, int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        if (!search.isEmpty()) {
            builder.queryParam("q", search);
        }
        filters.forEach(builder::queryParam);
        builder.queryParam("sort", sort).queryParam("dir", descending ? "desc" : "asc");
        if (page > 1) {
            builder.queryParam("page", page);
        }
        if (query.size() != ListQuery.DEFAULT_SIZE) {
            builder.queryParam("size", query.size());
        }
        return builder.encode().build().toUriString();
    }
}
