package org.xiaodai.platform.web;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The time zone screens show times in: the browser's own zone, which {@code app.js} puts into the
 * cookie {@value #COOKIE}, or {@code Asia/Shanghai} when there is none (no script, first visit).
 * Every page shows which zone its times are in.
 */
public final class ViewerZone {

    public static final String COOKIE = "xd_tz";
    public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");

    private ViewerZone() {
    }

    public static ZoneId of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return DEFAULT;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return parse(cookie.getValue());
            }
        }
        return DEFAULT;
    }

    static ZoneId parse(String value) {
        if (value == null || value.isBlank() || value.length() > 60) {
            return DEFAULT;
        }
        try {
            return ZoneId.of(java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) {
            return DEFAULT;
        }
    }
}
