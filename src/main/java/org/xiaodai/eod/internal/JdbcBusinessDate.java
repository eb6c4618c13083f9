package org.xiaodai.eod.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.InstitutionRegistered;
import org.xiaodai.shared.time.BusinessDate;

/** Business dates stored per institution; a new institution starts on the calendar date of its registration. */
@Service
class JdbcBusinessDate implements BusinessDate {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBusinessDate(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public LocalDate of(UUID institutionId) {
        return jdbc.sql("select business_date from eod_business_date where institution_id = ?")
                .param(institutionId).query(LocalDate.class).optional()
                .orElseThrow(() -> new NoSuchElementException("No business date for institution " + institutionId));
    }

    /** Runs inside the registering transaction: an institution never exists without its date. */
    @EventListener
    void open(InstitutionRegistered event) {
        jdbc.sql("""
                insert into eod_business_date (institution_id, business_date, updated_at)
                values (?, ?, ?) on conflict (institution_id) do nothing
                """)
                .param(event.institutionId()).param(LocalDate.ofInstant(clock.instant(), clock.getZone())).param(java.sql.Timestamp.from(clock.instant()))
                .update();
    }
}
