package org.xiaodai.notification.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for due deliveries every {@code xiaodai.notification.dispatch-interval}: retries, notices held
 * back by quiet hours, and anything a crash left behind. Not during an operations command.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class DispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final Dispatcher dispatcher;
    private final NotificationProperties properties;
    private ScheduledThreadPoolExecutor executor;

    DispatchSchedule(Dispatcher dispatcher, NotificationProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long interval = properties.dispatchInterval().toMillis();
        if (executor != null || interval <= 0) {
            return;
        }
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("notification-dispatch").daemon().factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.scheduleWithFixedDelay(this::runQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            dispatcher.runDue();
        } catch (RuntimeException e) {
            log.warn("Notification dispatch round failed; the next round tries again", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
