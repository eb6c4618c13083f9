package org.xiaodai.eod.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.eod.EndOfDayStep;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Closes business dates (日终): for one institution and date, every {@link EndOfDayStep} in
 * {@link EndOfDayStep#order()} order, each in its partitions, then the business date moves on and
 * {@link DayClosed} is published; a run repeats that through its target date.
 * <p>
 * Any number of threads on any number of instances may {@link #drive} the same run: a partition is
 * claimed with {@code FOR UPDATE SKIP LOCKED} inside the transaction that does its work and marks
 * it done, a step starts only when every partition of the one before it is done, and the date moves
 * on by compare-and-set, so each partition's work commits exactly once and each date closes once.
 * Work for an institution always runs in its tenant wall.
 */
@Service
public class EndOfDayRunner {

    private static final Logger log = LoggerFactory.getLogger(EndOfDayRunner.class);
    static final String ADMIN = "ADMIN";
    static final String SCHEDULE = "SCHEDULE";

    private final EodRunStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EodProperties properties;
    private final ObjectProvider<EndOfDayStep> stepBeans;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private volatile List<EndOfDayStep> steps;

    EndOfDayRunner(EodRunStore store, TransactionTemplate transactions, AuditTrail audit, ApplicationEventPublisher events,
                   Clock clock, EodProperties properties, ObjectProvider<EndOfDayStep> stepBeans) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.stepBeans = stepBeans;
    }

    /** Every step bean, in order; names must be unique (they key the work queue). */
    public List<EndOfDayStep> steps() {
        List<EndOfDayStep> known = steps;
        if (known == null) {
            known = stepBeans.orderedStream().sorted(Comparator.comparingInt(EndOfDayStep::order)
                    .thenComparing(EndOfDayStep::name)).toList();
            var names = new HashSet<String>();
            for (EndOfDayStep step : known) {
                if (!names.add(step.name())) {
                    throw new IllegalStateException("Two end-of-day steps are named " + step.name());
                }
            }
            steps = known;
        }
        return known;
    }

    /**
     * Asks for a run closing {@code institutionId}'s business date and each following one through
     * {@code through} (null: the current one only), inside the caller's transaction-free context.
     * A target behind the business date gives a run that is completed at once and closes nothing.
     *
     * @throws ProblemException 409 {@code eod-running} while another run of the institution runs,
     *                          400 when {@code through} is more than {@code xiaodai.eod.max-days} ahead
     */
    public EodRun request(UUID institutionId, @Nullable LocalDate through, String trigger, @Nullable Actor actor) {
        return inWall(institutionId, () -> {
            LocalDate businessDate = store.businessDate(institutionId).orElseThrow(() -> ProblemException.notFound("institution"));
            LocalDate target = through == null ? businessDate : through;
            if (ChronoUnit.DAYS.between(businessDate, target) >= properties.maxDays()) {
                throw ProblemException.invalid("through", "eodTooManyDays", properties.maxDays(), businessDate.toString());
            }
            Instant now = clock.instant();
            boolean nothingToDo = target.isBefore(businessDate);
            EodRun run = new EodRun(UUID.randomUUID(), institutionId, businessDate, target,
                    nothingToDo ? EodRun.COMPLETED : EodRun.RUNNING, trigger,
                    actor == null ? "system" : actor.actorName(), now, nothingToDo ? now : null, null);
            if (!store.insert(run, actor == null ? null : actor.actorId())) {
                throw ProblemException.conflict("eod-running", store.runningFor(institutionId).map(r -> r.id().toString())
                        .orElse(""));
            }
            audit.record(AuditRecord.created("eod.run.started", "eod-run", run.id(), institutionId,
                    Map.of("firstDate", businessDate.toString(), "throughDate", target.toString(), "trigger", trigger)));
            return run;
        });
    }

    /** The run as the current tenant wall shows it. */
    public Optional<EodRun> find(UUID runId) {
        return transactions.execute(tx -> store.find(runId));
    }

    public Optional<EodRun> find(UUID institutionId, UUID runId) {
        return inWall(institutionId, () -> store.find(runId));
    }

    /** The institution's latest runs, newest first. */
    public List<EodRun> recent(UUID institutionId, int limit) {
        return inWall(institutionId, () -> store.recent(limit));
    }

    public EodProgress progress(EodRun run) {
        return inWall(run.institutionId(), () -> store.progress(run, clock.instant()));
    }

    public LocalDate businessDate(UUID institutionId) {
        return inWall(institutionId, () -> store.businessDate(institutionId))
                .orElseThrow(() -> ProblemException.notFound("institution"));
    }

    /**
     * Works on the run until it is over (completed or failed), {@code stop} says so, or there is no
     * partition left this thread could take. Safe to call from many threads and instances at once.
     */
    public void drive(UUID institutionId, UUID runId, BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            Optional<LocalDate> day = inWall(institutionId, () -> nextDay(institutionId, runId));
            if (day.isEmpty()) {
                return;
            }
            for (EndOfDayStep step : steps()) {
                if (!work(institutionId, runId, day.get(), step, stop)) {
                    return;
                }
            }
            inWall(institutionId, () -> closeDay(institutionId, runId, day.get()));
        }
    }

    /** The date to work on next, planned; empty (and the run completed) once the business date is past the target. */
    private Optional<LocalDate> nextDay(UUID institutionId, UUID runId) {
        EodRun run = store.find(runId).orElse(null);
        if (run == null || !run.running()) {
            return Optional.empty();
        }
        LocalDate date = store.businessDate(institutionId).orElseThrow();
        if (date.isAfter(run.throughDate())) {
            if (store.finish(runId, EodRun.COMPLETED, null, clock.instant())) {
                audit.record(AuditRecord.changed("eod.run.completed", "eod-run", runId, institutionId,
                        Map.of("status", EodRun.RUNNING), Map.of("status", EodRun.COMPLETED, "businessDate", date.toString())));
                log.info("End of day run {} of institution {} completed: business date {}", runId, institutionId, date);
            }
            return Optional.empty();
        }
        store.plan(institutionId, date, runId, steps(), clock.instant());
        return Optional.of(date);
    }

    private enum Outcome { PROCESSED, BUSY, NONE_LEFT }

    /** Takes the step's partitions of the date until none is left; false when the run is over or stopping. */
    private boolean work(UUID institutionId, UUID runId, LocalDate date, EndOfDayStep step, BooleanSupplier stop) {
        int waits = 0;
        while (!stop.getAsBoolean()) {
            AtomicReference<EodRunStore.PartitionKey> claimed = new AtomicReference<>();
            Outcome outcome;
            try {
                outcome = inWall(institutionId, () -> processOne(institutionId, date, step, claimed));
            } catch (RuntimeException e) {
                if (!failed(institutionId, runId, claimed.get(), e)) {
                    return false;
                }
                pause(500);
                continue;
            }
            if (outcome == Outcome.NONE_LEFT) {
                return true;
            }
            if (outcome == Outcome.BUSY) {
                // another thread or instance holds the step's last partitions: wait for them, and stop
                // waiting if the run ended meanwhile (failed elsewhere)
                if (++waits % 20 == 0 && !inWall(institutionId, () -> store.find(runId).map(EodRun::running).orElse(false))) {
                    return false;
                }
                pause(Math.min(25L << Math.min(waits, 4), 250));
            } else {
                waits = 0;
            }
        }
        return false;
    }

    private Outcome processOne(UUID institutionId, LocalDate date, EndOfDayStep step,
                               AtomicReference<EodRunStore.PartitionKey> claimed) {
        Optional<int[]> partition = store.claim(institutionId, date, step.name());
        if (partition.isEmpty()) {
            return store.open(institutionId, date, step.name()) > 0 ? Outcome.BUSY : Outcome.NONE_LEFT;
        }
        var key = new EodRunStore.PartitionKey(institutionId, date, step.name(), partition.get()[0]);
        claimed.set(key);
        long start = System.nanoTime();
        long items = step.process(institutionId, date, partition.get()[0], partition.get()[1]);
        store.done(key, items, instance + "/" + Thread.currentThread().getName(),
                (System.nanoTime() - start) / 1_000_000, clock.instant());
        return Outcome.PROCESSED;
    }

    /** Records a failed attempt; fails the run after too many. False when the run is over. */
    private boolean failed(UUID institutionId, UUID runId, EodRunStore.@Nullable PartitionKey key, RuntimeException e) {
        String full = String.valueOf(e);
        String message = full.length() > 1000 ? full.substring(0, 1000) : full;
        if (key == null) {
            log.warn("End of day run {}: no partition could be claimed ({}); retrying", runId, message);
            return true;
        }
        log.warn("End of day run {}: step {} partition {} of {} failed: {}", runId, key.step(), key.partition(), key.date(), message);
        log.debug("End of day failure", e);
        String error = "step " + key.step() + ", partition " + key.partition() + " of " + key.date() + ": " + message;
        return inWall(institutionId, () -> {
            int attempts = store.failed(key, message);
            if (attempts < properties.maxAttempts()) {
                return true;
            }
            if (store.finish(runId, EodRun.FAILED, error, clock.instant())) {
                audit.record(AuditRecord.changed("eod.run.failed", "eod-run", runId, institutionId,
                        Map.of("status", EodRun.RUNNING), Map.of("status", EodRun.FAILED, "error", error)));
            }
            return false;
        });
    }

    private boolean closeDay(UUID institutionId, UUID runId, LocalDate date) {
        if (store.openOnDate(institutionId, date) > 0 || !store.advance(institutionId, date, clock.instant())) {
            return false;
        }
        LocalDate next = date.plusDays(1);
        audit.record(AuditRecord.changed("eod.day.closed", "business-date", institutionId, institutionId,
                Map.of("businessDate", date.toString()), Map.of("businessDate", next.toString(), "runId", runId.toString())));
        events.publishEvent(new DayClosed(institutionId, date, next, runId));
        log.debug("Institution {} closed {}", institutionId, date);
        return true;
    }

    /** Waits until the run is over or {@code timeout} passed; the run as it is then. */
    public EodRun await(EodRun run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        EodRun current = run;
        while (current.running() && System.nanoTime() < deadline) {
            pause(50);
            current = find(run.institutionId(), run.id()).orElse(current);
        }
        return current;
    }

    /** Running runs of the whole region, {run id, institution id}: the instance's own scheduling. */
    List<UUID[]> runningEverywhere() {
        return TenantWall.regionWide(() -> transactions.execute(tx -> store.running()));
    }

    List<UUID> lendersBehind(LocalDate through) {
        return TenantWall.regionWide(() -> transactions.execute(tx -> store.lendersBehind(through)));
    }

    private <T> T inWall(UUID institutionId, Supplier<T> work) {
        return TenantWall.asInstitution(institutionId, () -> transactions.execute(tx -> work.get()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
