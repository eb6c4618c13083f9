package org.xiaodai.customer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.time.BusinessDate;

/**
 * "Today" for validating a birth date: the institution's business date, or the calendar date of
 * the injected clock while the business date is not open yet (the first moments after an
 * institution is registered, or the region-wide platform operator).
 */
@Component
class Today {

    private final BusinessDate businessDate;
    private final Clock clock;

    Today(BusinessDate businessDate, Clock clock) {
        this.businessDate = businessDate;
        this.clock = clock;
    }

    LocalDate of(UUID institution) {
        if (institution != null) {
            try {
                return businessDate.of(institution);
            } catch (NoSuchElementException e) {
                // not opened yet: fall through to the calendar date
            }
        }
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
