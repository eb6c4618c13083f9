package org.xiaodai.shared.query;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One page of a list and how many rows the whole (searched, filtered, scoped) list has.
 *
 * @param items the rows of this page, at most {@code query.size()}
 * @param total rows over all pages
 * @param query what was asked for
 */
public record PageResult<T>(List<T> items, long total, ListQuery query) {

    public PageResult {
        items = List.copyOf(items);
    }

    /** Pages in all; at least 1, so an empty list still shows "page 1 of 1". */
    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public int page() {
        return query.page();
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pages();
    }

    /** 1-based number of the first row shown, 0 when none. */
    public long firstRow() {
        return items.isEmpty() ? 0 : query.offset() + 1;
    }

    /** 1-based number of the last row shown, 0 when none. */
    public long lastRow() {
        return items.isEmpty() ? 0 : query.offset() + items.size();
    }

    /** Up to {@code width} page numbers around the current one, for the pager. */
    public List<Integer> window(int width) {
        int last = pages();
        int start = Math.max(1, Math.min(query.page() - width / 2, last - width + 1));
        int end = Math.min(last, start + width - 1);
        return IntStream.rangeClosed(start, end).boxed().toList();
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, query);
    }
}
