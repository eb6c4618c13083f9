package org.xiaodai.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * The console log as people read it, one line per event, the way Spring Boot prints it by default
 * ({@code 2026-12-02T15:04:05.123+08:00  INFO 4242 --- [main] o.x.iam.internal.Users : message}),
 * but with every message and stack trace passed through {@link PersonalDataScrubber}, like the JSON
 * lines. The default console format; {@code XIAODAI_LOG_FORMAT=json} (or the {@code prod} profile)
 * switches to ECS JSON lines (docs/operations.md, "Logs").
 */
public class PlainTextLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final int LOGGER_WIDTH = 40;
    private final ZoneId zone = ZoneId.systemDefault();
    private final long pid = ProcessHandle.current().pid();

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(event.getInstant().atZone(zone))).append(' ')
                .append(String.format("%5s", event.getLevel())).append(' ').append(pid).append(" --- [")
                .append(event.getThreadName()).append("] ")
                .append(String.format("%-" + LOGGER_WIDTH + "s", abbreviate(event.getLoggerName()))).append(" : ")
                .append(PersonalDataScrubber.scrub(event.getFormattedMessage())).append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown instanceof ThrowableProxy proxy) {
            StringWriter trace = new StringWriter();
            proxy.getThrowable().printStackTrace(new PrintWriter(trace));
            line.append(PersonalDataScrubber.scrub(trace.toString()));
        }
        return line.toString();
    }

    /** {@code org.xiaodai.iam.internal.Users} as {@code o.x.iam.internal.Users}: packages shortened from the left. */
    static String abbreviate(String logger) {
        if (logger == null || logger.length() <= LOGGER_WIDTH) {
            return logger == null ? "" : logger;
        }
        String[] parts = logger.split("\\.");
        StringBuilder out = new StringBuilder();
        int remaining = logger.length();
        for (int i = 0; i < parts.length - 1; i++) {
            if (remaining > LOGGER_WIDTH) {
                remaining -= parts[i].length() - 1;
                out.append(parts[i].isEmpty() ? "" : parts[i].charAt(0)).append('.');
            } else {
                out.append(parts[i]).append('.');
            }
        }
        return out.append(parts[parts.length - 1]).toString();
    }
}
