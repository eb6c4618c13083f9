package org.xiaodai.servicing.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A simulated bank (模拟银行), the default payment channel. It answers a payment order after a
 * delay on its own thread, as a real bank's asynchronous notification would, and keeps each
 * order's outcome so a repeated order is answered, not paid twice. Deterministic failures to
 * exercise the unhappy paths: an amount ending in {@code .99} is refused every time ("account
 * frozen"); an order whose id ends in {@code 0} fails its first attempt ("channel timeout") and
 * succeeds when retried. A withholding fails with "insufficient balance" when the loan id ends in
 * {@code 0} or {@code 5}.
 */
@Component
class SimulatedBank implements PaymentChannel, DisposableBean {

    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-bank");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Boolean> answered = new ConcurrentHashMap<>();
    private final DisbursementResults results;
    private final Duration delay;

    SimulatedBank(@Lazy DisbursementResults results,
                  @Value("${xiaodai.servicing.bank-callback-delay:200ms}") Duration delay) {
        this.results = results;
        this.delay = delay;
    }

    @Override
    public void pay(PaymentOrder order) {
        callbacks.schedule(() -> answer(order, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answer(PaymentOrder order, int notification) {
        String key = order.orderId() + "#" + order.attempt();
        boolean frozen = order.amount().remainder(java.math.BigDecimal.ONE).movePointRight(2).intValue() == 99;
        boolean timeout = order.attempt() == 1 && order.orderId().toString().endsWith("0");
        boolean ok = answered.computeIfAbsent(key, k -> !frozen && !timeout);
        try {
            results.completed(order.institutionId(), order.orderId(), ok, ok ? "SIM-" + order.orderId().toString()
                    .substring(0, 8).toUpperCase() : null, ok ? null : frozen ? "ACCOUNT_FROZEN" : "CHANNEL_TIMEOUT");
        } catch (RuntimeException e) {
            // a real bank notifies again when its notification is not acknowledged; so do we, a few times
            if (notification < 5) {
                callbacks.schedule(() -> answer(order, notification + 1), delay.toMillis() * 5L * notification,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public WithholdingResult withhold(WithholdingOrder order) {
        String id = order.loanId().toString();
        if (id.endsWith("0") || id.endsWith("5")) {
            return new WithholdingResult(false, null, "INSUFFICIENT_BALANCE");
        }
        return new WithholdingResult(true, "SIM-W-" + order.orderId().toString().substring(0, 8).toUpperCase(), null);
    }

    /** A payment the borrower starts themselves always goes through in the simulation (they chose the amount). */
    @Override
    public WithholdingResult collect(WithholdingOrder order) {
        return new WithholdingResult(true, "SIM-P-" + order.orderId().toString().substring(0, 8).toUpperCase(), null);
    }

    @Override
    public void destroy() {
        callbacks.shutdownNow();
    }
}
