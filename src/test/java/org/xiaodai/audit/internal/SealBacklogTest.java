package org.xiaodai.audit.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SealBacklogTest {

    @Test
    void writersWithinTheAllowedBacklogNeverWait() {
        SealBacklog backlog = new SealBacklog(3, Duration.ofMinutes(1));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            backlog.committed();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(backlog.behind()).isTrue();
    }

    @Test
    void aWriterTooFarAheadWaitsUntilARoundSealsWhatCameBefore() throws Exception {
        SealBacklog backlog = new SealBacklog(2, Duration.ofMinutes(1));
        backlog.committed();
        backlog.committed();
        long mark = backlog.roundStarting();
        CompletableFuture<Void> third = CompletableFuture.runAsync(backlog::committed);

        Thread.sleep(200);
        assertThat(third).isNotDone();
        backlog.roundSealed(mark);
        third.get(10, TimeUnit.SECONDS);
        assertThat(backlog.behind()).isFalse();
    }

    @Test
    void aWriterGivesUpWaitingAfterTheLongestWait() throws Exception {
        SealBacklog backlog = new SealBacklog(1, Duration.ofMillis(100));
        backlog.committed();
        CompletableFuture.runAsync(backlog::committed).get(10, TimeUnit.SECONDS);
    }

    @Test
    void noLimitMeansNoWaiting() throws Exception {
        SealBacklog backlog = new SealBacklog(0, Duration.ofMinutes(1));
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10_000; i++) {
                backlog.committed();
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(backlog.behind()).isFalse();
    }
}
