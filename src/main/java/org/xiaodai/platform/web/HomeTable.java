package org.xiaodai.platform.web;

import java.util.List;
import java.util.Objects;

/**
 * A table on the home page: one module lists the rows (e.g. the institutions a regulator supervises, each with its
 * indicators) and its own columns; other modules may add columns to it by its {@link #id} ({@link HomeColumn}, e.g.
 * open alerts from {@code risk}, late returns from {@code reporting}), so the table needs no module to read another's
 * data. Rows carry a key the columns' cells are filed by.
 *
 * @param id        the table's id, also the element id on the page; must not be null
 * @param titleKey  title key; must not be null
 * @param rows      the rows, in the order shown
 * @param columns   the contributing module's own columns
 * @param moreUrl   the page with all of it, or null
 * @param emptyKey  message key shown when there are no rows
 * @param hintKey   message key of a note under the table (e.g. what a marked cell means), or null
 * @param order     position among the home page's tables, lower first
 */
public record HomeTable(String id, String titleKey, List<Subject> rows, List<HomeColumn> columns, String moreUrl,
                        String emptyKey, String hintKey, int order) {

    public HomeTable {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(titleKey, "titleKey must not be null");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        moreUrl = moreUrl == null || moreUrl.isBlank() ? null : moreUrl;
    }

    /**
     * What one row is about (its header cell; "Subject" because a public type named {@code …Row} is reserved for
     * stored rows, which stay internal).
     *
     * @param key    what the columns' cells are filed by (e.g. an institution id); must not be null
     * @param label  the first cell (a seeded name the page localises)
     * @param url    where the label leads, or null
     */
    public record Subject(String key, String label, String url) {
        public Subject {
            Objects.requireNonNull(key, "key must not be null");
            url = url == null || url.isBlank() ? null : url;
        }
    }
}
