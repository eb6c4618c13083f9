package org.xiaodai.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.xiaodai.audit.AuditFilter;

/**
 * The audit page's filters as the URL carries them: a date range in the viewer's zone (both days
 * included), an actor's username, an action code, an institution and a record ({@code kind:id},
 * an id or a kind). All text, so nonsense never fails the binding; a date that is not one is
 * reported beside its field and left out of the filter.
 */
record AuditFilterForm(String from, String to, String actor, String action, String institution, String object) {

    /** The filter for the trail; {@code zone} turns the days into instants. */
    AuditFilter toFilter(ZoneId zone) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        return new AuditFilter(fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(),
                trimmed(actor, 60), trimmed(action, 80), uuid(institution), trimmed(object, 120));
    }

    /** Fields holding something that is not a date. */
    Map<String, String> invalidDates() {
        Map<String, String> invalid = new LinkedHashMap<>();
        if (!blank(from) && day(from) == null) {
            invalid.put("from", from);
        }
        if (!blank(to) && day(to) == null) {
            invalid.put("to", to);
        }
        return invalid;
    }

    /** The filters as URL parameters (for the pager, the sort links and the export). */
    Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", day(from) == null ? null : from.strip());
        parameters.put("to", day(to) == null ? null : to.strip());
        parameters.put("actor", trimmed(actor, 60));
        parameters.put("action", trimmed(action, 80));
        parameters.put("institution", uuid(institution) == null ? null : institution.strip());
        parameters.put("object", trimmed(object, 120));
        return parameters;
    }

    private static LocalDate day(String text) {
        if (blank(text) || text.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        if (blank(text) || text.strip().length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trimmed(String text, int max) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
