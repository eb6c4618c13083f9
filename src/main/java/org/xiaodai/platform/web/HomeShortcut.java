package org.xiaodai.platform.web;

import java.util.Objects;

/**
 * A link to a task on the home page, e.g. "new user" or "loan calculator".
 *
 * @param messageKey label key; must not be null
 * @param url        the page; must not be null or blank (a shortcut always leads somewhere)
 * @param order      position, lower first (the modules' navigation hundreds)
 */
public record HomeShortcut(String messageKey, String url, int order) {

    public HomeShortcut {
        Objects.requireNonNull(messageKey, "messageKey must not be null");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a shortcut needs a url");
        }
    }
}
