package org.xiaodai.collection.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PromiseRulesTest {

    @ParameterizedTest(name = "promised 500 by 12-10, paid {0}, today {1}: {2}")
    @CsvSource({
            "0, 2026-12-09, OPEN", "0, 2026-12-10, OPEN", "0, 2026-12-11, BROKEN", "499.99, 2026-12-11, BROKEN",
            "500, 2026-12-11, KEPT", "500, 2026-12-05, KEPT", "600, 2026-12-20, KEPT"})
    void keptWhenPaidBrokenOnceTheDatePassedUnpaid(String paid, LocalDate today, PromiseRules.Status expected) {
        assertThat(PromiseRules.status(new BigDecimal("500.00"), new BigDecimal(paid), LocalDate.of(2026, 12, 10), today))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, M1", "30, M1", "31, M2", "60, M2", "61, M3_PLUS", "400, M3_PLUS"})
    void bucketsByDaysPastDue(long dpd, Bucket bucket) {
        assertThat(Bucket.of(dpd)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @CsvSource({"M1, M1", "m2, M2", "M3+, M3_PLUS", "'M3 ', M3_PLUS", "M3_PLUS, M3_PLUS"})
    void bucketsAsWrittenInAQuery(String text, Bucket bucket) {
        assertThat(Bucket.parse(text)).contains(bucket);
    }
}
