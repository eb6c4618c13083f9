package org.xiaodai.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A short list on the home page: a title, a few lines and a link to the whole list.
 *
 * @param titleKey  title key; must not be null
 * @param lines     the lines, at most a handful
 * @param moreUrl   the page with all of them, or null
 * @param emptyKey  message key shown when there are no lines
 * @param order     position, lower first
 */
public record HomePanel(String titleKey, List<Line> lines, String moreUrl, String emptyKey, int order) {

    public HomePanel {
        Objects.requireNonNull(titleKey, "titleKey must not be null");
        lines = List.copyOf(lines);
        moreUrl = moreUrl == null || moreUrl.isBlank() ? null : moreUrl;
    }

    /**
     * One line: a label (already in the reader's language, or a seeded name the page localises),
     * a detail (a message key when {@code detailIsKey}), when it happened, and where it leads.
     *
     * @param label      main text
     * @param detail     secondary text or message key, may be null
     * @param detailIsKey true when {@code detail} is a message key
     * @param at         a time shown in the reader's zone, may be null
     * @param url        link, or null for none
     */
    public record Line(String label, String detail, boolean detailIsKey, Instant at, String url) {
        public Line {
            url = url == null || url.isBlank() ? null : url;
        }
    }
}
