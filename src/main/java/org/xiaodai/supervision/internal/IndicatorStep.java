package org.xiaodai.supervision.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.eod.EndOfDayStep;

/**
 * End of day: the institution's supervisory indicators of the closed date, after servicing graded
 * the day and the ledger posted its provisions (order 1000), so risk's rules read them when the
 * day is closed ({@code DayClosed}). One partition: a few aggregate queries per institution.
 * Computing the date again replaces its rows.
 */
@Component
class IndicatorStep implements EndOfDayStep {

    private final IndicatorCalculator calculator;

    IndicatorStep(IndicatorCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public String name() {
        return "supervision.indicators";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public int partitions(UUID institutionId, LocalDate businessDate) {
        return 1;
    }

    @Override
    public long process(UUID institutionId, LocalDate businessDate, int partition, int partitions) {
        return calculator.computeAndStore(institutionId, businessDate);
    }
}
