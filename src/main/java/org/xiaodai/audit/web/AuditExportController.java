package org.xiaodai.audit.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.platform.web.ShownTimes;
import org.xiaodai.platform.web.ViewerZone;

/**
 * The audit page's filtered view as CSV (UTF-8 with a byte order mark, so spreadsheet programs
 * read the Chinese right): the same entries the page pages through — same filters, same tenant
 * wall — newest first, at most {@value #MAX_ROWS} rows, with names, action words and times in the
 * viewer's zone as on the page, and the ids beside them.
 */
@Controller
@PreAuthorize("hasAuthority('audit:view')")
class AuditExportController {

    static final int MAX_ROWS = 100_000;
    private static final int BATCH = 500;
    private final AuditTrail audit;
    private final AuditRows rows;
    private final MessageSource messages;
    private final AuditPageController page;

    AuditExportController(AuditTrail audit, AuditRows rows, MessageSource messages, AuditPageController page) {
        this.audit = audit;
        this.rows = rows;
        this.messages = messages;
        this.page = page;
    }

    @GetMapping("/audit/export.csv")
    void export(@ModelAttribute("filter") AuditFilterForm filter, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        page.requireViewer();
        ShownTimes times = new ShownTimes(ViewerZone.of(request));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        out.write(header(times) + "\r\n");
        List<AuditEntryView> batch = new ArrayList<>(BATCH);
        audit.export(filter.toFilter(times.zone()), MAX_ROWS, entry -> {
            batch.add(entry);
            if (batch.size() == BATCH) {
                write(out, batch, times);
            }
        });
        write(out, batch, times);
        out.flush();
    }

    private void write(PrintWriter out, List<AuditEntryView> batch, ShownTimes times) {
        for (AuditRows.Row row : rows.rows(batch, times)) {
            out.write(String.join(",", List.of(String.valueOf(row.seq()), csv(row.isoTime()), csv(row.actor()),
                    csv(row.actorTitle()), csv(row.action()), csv(row.actionCode()), csv(row.object()),
                    csv(row.objectTitle()), csv(row.institution()), csv(row.client()), csv(row.before()),
                    csv(row.after()))) + "\r\n");
        }
        batch.clear();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("the client stopped reading the export"));
        }
    }

    private String header(ShownTimes times) {
        Locale locale = LocaleContextHolder.getLocale();
        return String.join(",", List.of("seq", "time", "actor", "actor id", "action", "action code", "record",
                "record id", "institution", "client", "before", "after").stream()
                .map(column -> csv(messages.getMessage("console.audit.csv." + column.replace(' ', '-'),
                        new Object[] {times.zoneLabel()}, column, locale))).toList());
    }

    /** A CSV field: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet does not run it. */
    static String csv(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
