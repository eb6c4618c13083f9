package org.xiaodai.platform.web;

import java.util.Objects;

/**
 * One entry of the main navigation.
 *
 * @param messageKey label key in the message bundles, e.g. {@code nav.users}; must not be null
 * @param url        path the entry links to, e.g. {@code /users}; must not be null
 * @param permission permission code the caller must hold (e.g. {@code iam:user:view}), or null for every signed-in user
 * @param order      position, lower first; modules use their own hundred (iam 100–199, audit 900–999)
 */
public record NavigationItem(String messageKey, String url, String permission, int order) {

    public NavigationItem {
        Objects.requireNonNull(messageKey, "messageKey must not be null");
        Objects.requireNonNull(url, "url must not be null");
    }

    /** True when a caller holding {@code authorities} may see this entry. */
    public boolean visibleWith(java.util.Set<String> authorities) {
        return permission == null || authorities.contains(permission);
    }

    /** True when this entry is the page at {@code path} or one of its sub-pages. */
    public boolean isActiveFor(String path) {
        if (path == null) {
            return false;
        }
        return "/".equals(url) ? "/".equals(path) : path.equals(url) || path.startsWith(url + "/");
    }
}
