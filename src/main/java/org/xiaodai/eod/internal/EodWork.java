package org.xiaodai.eod.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.xiaodai.shared.Actor;

/** Starts a run a user asked for and puts this instance's workers on it at once (others join at their next poll). */
@Service
public class EodWork {

    private final EndOfDayRunner runner;
    private final ObjectProvider<EodWorkers> workers;

    EodWork(EndOfDayRunner runner, ObjectProvider<EodWorkers> workers) {
        this.runner = runner;
        this.workers = workers;
    }

    /** A run closing the institution's business date and each following one through {@code through} (null: one date). */
    public EodRun start(UUID institutionId, @Nullable LocalDate through, Actor actor) {
        EodRun run = runner.request(institutionId, through, EndOfDayRunner.ADMIN, actor);
        if (run.running()) {
            workers.ifAvailable(w -> w.work(institutionId, run.id()));
        }
        return run;
    }
}
