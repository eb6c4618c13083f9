package org.xiaodai.platform.web;

import org.xiaodai.shared.query.ListQuery;

/**
 * A list page's state as the URL carries it ({@code ?q=&sort=&dir=&page=&size=}), bound by Spring
 * MVC as a {@code @ModelAttribute}. Every field is text, so nonsense never fails the binding;
 * {@link #toQuery} turns it into a safe {@link ListQuery}.
 */
public record ListRequest(String q, String sort, String dir, String page, String size) {

    /** No state: the first page in the default order. */
    public static ListRequest none() {
        return new ListRequest(null, null, null, null, null);
    }

    public ListQuery toQuery(ListQuery.Sorting sorting) {
        return ListQuery.of(q, sort, dir, page, size, sorting);
    }
}
