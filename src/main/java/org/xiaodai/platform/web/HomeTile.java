package org.xiaodai.platform.web;

import java.util.Objects;

/**
 * A number on the home page, e.g. how many users the caller can see.
 *
 * @param messageKey label key, e.g. {@code home.tile.users}; must not be null
 * @param value      the number
 * @param url        page with the details, or null
 */
public record HomeTile(String messageKey, long value, String url) {

    public HomeTile {
        Objects.requireNonNull(messageKey, "messageKey must not be null");
    }
}
