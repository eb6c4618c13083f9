package org.xiaodai.shared.query;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one list page asks for: a search text, a sort column out of a whitelist, a direction and a
 * page. Built from untrusted request parameters with {@link #of}, which never fails: an unknown
 * sort column falls back to the default, a page below 1 is page 1, a size outside 1..{@value #MAX_SIZE}
 * is brought into that range, and a search longer than {@value #MAX_SEARCH} characters is cut.
 * So the page state can live in the URL ({@code ?q=&sort=&dir=&page=&size=}) and any URL renders.
 *
 * @param search     trimmed search text, empty for none
 * @param sort       a key of the page's sortable columns (never an SQL expression)
 * @param descending sort direction
 * @param page       1-based page number
 * @param size       rows per page
 */
public record ListQuery(String search, String sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_SEARCH = 100;

    public ListQuery {
        Objects.requireNonNull(sort, "sort must not be null");
        search = search == null ? "" : search;
    }

    /** The columns a page may sort by, and its default order. */
    public record Sorting(List<String> columns, String defaultColumn, boolean defaultDescending) {
        public Sorting {
            columns = List.copyOf(columns);
            if (!columns.contains(defaultColumn)) {
                throw new IllegalArgumentException("default sort " + defaultColumn + " is not sortable");
            }
        }

        public static Sorting by(String defaultColumn, boolean defaultDescending, String... columns) {
            return new Sorting(List.of(columns), defaultColumn, defaultDescending);
        }
    }

    /** A query from request parameters, any of them null or nonsense. */
    public static ListQuery of(String q, String sort, String dir, String page, String size, Sorting sorting) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_SEARCH) {
            text = text.substring(0, MAX_SEARCH);
        }
        boolean known = sort != null && sorting.columns().contains(sort);
        String column = known ? sort : sorting.defaultColumn();
        String direction = dir == null ? "" : dir.strip().toLowerCase(Locale.ROOT);
        boolean descending = switch (direction) {
            case "asc" -> false;
            case "desc" -> true;
            default -> column.equals(sorting.defaultColumn()) && sorting.defaultDescending();
        };
        return new ListQuery(text, column, descending, clamp(number(page, 1), 1, Integer.MAX_VALUE / MAX_SIZE),
                clamp(number(size, DEFAULT_SIZE), 1, MAX_SIZE));
    }

    /** The first page, default order, no search. */
    public static ListQuery first(Sorting sorting) {
        return of(null, null, null, null, null, sorting);
    }

    public boolean hasSearch() {
        return !search.isEmpty();
    }

    /** Rows to skip. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The same query on another page. */
    public ListQuery onPage(int other) {
        return new ListQuery(search, sort, descending, Math.max(1, other), size);
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank() || value.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
