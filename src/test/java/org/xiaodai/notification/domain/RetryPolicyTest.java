package org.xiaodai.notification.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    final Instant failed = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void waitsTwiceAsLongAfterEachFailureUntilTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30));
        assertThat(policy.nextAttempt(1, failed)).contains(failed.plusSeconds(30));
        assertThat(policy.nextAttempt(2, failed)).contains(failed.plusSeconds(60));
        assertThat(policy.nextAttempt(3, failed)).contains(failed.plusSeconds(120));
        assertThat(policy.nextAttempt(4, failed)).as("the fourth attempt was the last").isEmpty();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(new RetryPolicy(1, Duration.ofSeconds(30)).nextAttempt(1, failed)).isEmpty();
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
