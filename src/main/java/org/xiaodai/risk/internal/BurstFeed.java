package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.origination.ApplicationBurst;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The application-burst feed ({@link Indicators#APPLICATION_BURST}) from origination's velocity checks on submit: each
 * {@link ApplicationBurst} is observed, after the submitting transaction committed, in a transaction of its own inside
 * the institution's tenant wall, with the count of submissions from the source within the hour as the value. Subject
 * {@code address|device:<digest>@<hour>} and date the hour's day in the region's zone, so the rule raises once per
 * source and clock hour however many submissions of that hour go over the limit (and a second delivery raises
 * nothing). The label names the kind of source, a short prefix of its keyed digest, the hour and the count: never the
 * address or device itself, which the regulator sees no more than the event carries.
 */
@Component
class BurstFeed {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final EarlyWarnings warnings;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;

    BurstFeed(EarlyWarnings warnings, TransactionTemplate transactions, MessageSource messages, Clock clock) {
        this.warnings = warnings;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApplicationBurst burst) {
        check(burst);
    }

    /** The listener's body, synchronously (tests call it to deliver an event twice). */
    List<UUID> check(ApplicationBurst e) {
        String kind = e.source().name().toLowerCase(Locale.ROOT);
        String digest = e.sourceDigest().substring(0, Math.min(16, e.sourceDigest().length()));
        String subject = kind + ":" + digest + "@" + e.windowStart();
        LocalDate day = LocalDate.ofInstant(e.windowStart(), clock.getZone());
        String hour = HOUR.format(e.windowStart().atZone(clock.getZone()));
        String label = label(Locale.SIMPLIFIED_CHINESE, kind, digest, hour, e) + " / " + label(Locale.ENGLISH, kind, digest, hour, e);
        return TenantWall.asInstitution(e.institutionId(), () -> transactions.execute(tx -> warnings.evaluate(new Observation(
                e.institutionId(), Indicators.APPLICATION_BURST, BigDecimal.valueOf(e.count()), day, subject, label))));
    }

    private String label(Locale locale, String kind, String digest, String hour, ApplicationBurst e) {
        return messages.getMessage("risk.application-burst." + kind,
                new Object[] {digest.substring(0, 8), hour, e.count(), e.limit()}, locale);
    }
}
