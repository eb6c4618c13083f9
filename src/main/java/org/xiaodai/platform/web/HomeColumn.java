package org.xiaodai.platform.web;

import java.util.Map;
import java.util.Objects;

/**
 * A column of a home-page table ({@link HomeTable}), contributed by the table's own module or another: a header and
 * the cells by row key. A row without a cell shows a dash.
 *
 * @param tableId    the table it belongs to; must not be null
 * @param headerKey  header message key; must not be null
 * @param cells      cells by the table's row keys
 * @param order      position among the table's columns, lower first
 */
public record HomeColumn(String tableId, String headerKey, Map<String, Cell> cells, int order) {

    public HomeColumn {
        Objects.requireNonNull(tableId, "tableId must not be null");
        Objects.requireNonNull(headerKey, "headerKey must not be null");
        cells = Map.copyOf(cells);
    }

    /**
     * One cell.
     *
     * @param text     what it shows (a number already formatted, or text in the reader's language)
     * @param flagged  true when the value needs attention (a limit breached, a deadline missed): shown marked
     * @param url      where it leads, or null
     */
    public record Cell(String text, boolean flagged, String url) {
        public Cell {
            Objects.requireNonNull(text, "text must not be null");
            url = url == null || url.isBlank() ? null : url;
        }
    }
}
