package org.xiaodai.notification.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-12-02T21:59:59, 2026-12-02T21:59:59",
            "2026-12-02T22:00:00, 2026-12-03T08:00:00",
            "2026-12-02T23:30:00, 2026-12-03T08:00:00",
            "2026-12-03T00:00:00, 2026-12-03T08:00:00",
            "2026-12-03T07:59:59, 2026-12-03T08:00:00",
            "2026-12-03T08:00:00, 2026-12-03T08:00:00",
            "2026-12-03T12:00:00, 2026-12-03T12:00:00"})
    void holdsBackToTheEndOfAnOvernightWindow(String at, String allowed) {
        ZonedDateTime time = ZonedDateTime.of(java.time.LocalDateTime.parse(at), SHANGHAI);
        assertThat(overnight.nextAllowed(time).toLocalDateTime()).isEqualTo(java.time.LocalDateTime.parse(allowed));
    }

    @ParameterizedTest(name = "{0} quiet: {1}")
    @CsvSource({"12:59, false", "13:00, true", "13:59, true", "14:00, false"})
    void aDaytimeWindowDoesNotWrap(String at, boolean quiet) {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        ZonedDateTime time = ZonedDateTime.of(java.time.LocalDate.of(2026, 12, 2), LocalTime.parse(at), SHANGHAI);
        assertThat(lunch.contains(time)).isEqualTo(quiet);
    }

    @ParameterizedTest
    @CsvSource({"00:00", "12:00", "23:59"})
    void anEmptyWindowIsNeverQuiet(String at) {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(none.contains(ZonedDateTime.of(java.time.LocalDate.of(2026, 12, 2), LocalTime.parse(at), SHANGHAI))).isFalse();
    }
}
