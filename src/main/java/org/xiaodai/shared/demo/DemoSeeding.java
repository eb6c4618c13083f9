package org.xiaodai.shared.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data that is built after start, off the start-up thread (loans booked on their past dates,
 * applications walked through approval): each module hands its seeding here, and anything that must
 * see the region quiet — a backup test comparing table fingerprints, an operator script — can wait
 * until every such task has ended, whether it booked its data or found it already there.
 */
@Component
public class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final List<CompletableFuture<Void>> tasks = new CopyOnWriteArrayList<>();
    /** Tasks of {@link #startAfterOthers}: they do not wait for each other. */
    private final List<CompletableFuture<Void>> waitingForOthers = new CopyOnWriteArrayList<>();

    /** Runs {@code work} on a virtual thread named {@code name}; a failure is logged, never thrown. */
    public void start(String name, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        tasks.add(done);
        Thread.ofVirtual().name(name).start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Demo seeding {} ended early: {}", name, e.toString());
            } finally {
                done.complete(null);
            }
        });
    }

    /**
     * Like {@link #start}, but {@code work} begins once every other task has ended (demo figures
     * computed over the demo loans): it waits for the tasks started before it, and for those started
     * in the second after (the other seeders start from the same ready event, in no set order). Such tasks do not wait for each other.
     */
    public void startAfterOthers(String name, Runnable work) {
        CompletableFuture<Void> own = new CompletableFuture<>();
        waitingForOthers.add(own);
        tasks.add(own);
        Thread.ofVirtual().name(name).start(() -> {
            try {
                int seen = -1;
                while (seen != tasks.size()) {
                    seen = tasks.size();
                    CompletableFuture.allOf(tasks.stream().filter(t -> !waitingForOthers.contains(t)).toArray(CompletableFuture[]::new))
                            .exceptionally(e -> null).get(10, TimeUnit.MINUTES);
                    Thread.sleep(1000);
                }
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                log.warn("Demo seeding {} ended early: {}", name, e.toString());
            } finally {
                own.complete(null);
            }
        });
    }

    /**
     * Logs {@value #QUIET_MESSAGE} once every seeder started from the ready event has ended (none
     * started in the two seconds after the last one ended): an operator, or a benchmark that must
     * not measure while loans are being booked in the background, can wait for that line.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void announceQuiet() {
        Thread.ofVirtual().name("demo-seeding-watch").start(() -> {
            try {
                int seen = -1;
                while (seen != tasks.size()) {
                    seen = tasks.size();
                    Thread.sleep(2000);
                    awaitQuiet(Duration.ofMinutes(30));
                }
                if (!tasks.isEmpty()) {
                    log.info("{}: {} tasks ended", QUIET_MESSAGE, tasks.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The log line {@link #announceQuiet} writes. */
    public static final String QUIET_MESSAGE = "Demo seeding quiet";

    /** Waits until every task started so far has ended; {@code false} when {@code timeout} passed first. */
    public boolean awaitQuiet(Duration timeout) {
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
