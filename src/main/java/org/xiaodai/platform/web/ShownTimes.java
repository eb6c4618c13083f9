package org.xiaodai.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Instants as a page shows them: in the viewer's zone ({@link ViewerZone}), with the zone named
 * once where the times are (a column header, a caption). Every page gets one as {@code times}.
 *
 * @param zone the viewer's zone
 */
public record ShownTimes(ZoneId zone) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    /** {@code 2026-12-02 15:04:05} in the viewer's zone; empty for null. */
    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone));
    }

    /** {@code 2026-12-02 15:04} in the viewer's zone; empty for null. */
    public String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /** The instant with its offset, for {@code <time datetime>} and exports: {@code 2026-12-02T15:04:05+08:00}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    /**
     * The zone as people read it: {@code Asia/Shanghai (UTC+08:00)}, with its standard offset (each
     * time's exact offset is in {@link #iso}, which the page puts into the time's title).
     */
    public String zoneLabel() {
        String offset = OFFSET.format(zone.getRules().getStandardOffset(Instant.EPOCH));
        return zone.getId() + " (UTC" + ("Z".equals(offset) ? "+00:00" : offset) + ")";
    }

    /** The zone's localised name, e.g. 中国标准时间 / China Standard Time. */
    public String zoneName(Locale locale) {
        return zone.getDisplayName(TextStyle.FULL, locale);
    }
}
