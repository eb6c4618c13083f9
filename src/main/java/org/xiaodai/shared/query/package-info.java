/**
 * Server-side search, sort and paging for list pages ({@link org.xiaodai.shared.query.ListQuery} from
 * the URL, {@link org.xiaodai.shared.query.PagedQuery} over SQL, {@link org.xiaodai.shared.query.PageResult}
 * back to the page). The web shell's {@code fragments/list} template renders them; docs/architecture.md,
 * "Lists", is the pattern every module's list copies.
 */
package org.xiaodai.shared.query;
