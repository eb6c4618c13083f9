package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A simulated credit bureau, the default adapter: no network, and deterministic — the same customer
 * always gets the same report (seeded by the customer id), so tests and the demo are repeatable.
 * Most customers have a clean history; about one in ten shows delays and one in twenty is
 * currently overdue somewhere.
 */
@Component
class SimulatedCreditBureau implements CreditBureau {

    static final String NAME = "SIMULATED";
    private final Clock clock;

    SimulatedCreditBureau(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BureauReport report(UUID customerId, String idNumberMasked) {
        SplittableRandom random = new SplittableRandom(customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits());
        int bucket = random.nextInt(20);
        String history = bucket < 10 ? "A34" : bucket < 16 ? "A32" : bucket < 18 ? "A33" : bucket < 19 ? "A31" : "A30";
        int existing = 1 + random.nextInt(3);
        int overdue = bucket == 19 ? 1 : 0;
        int inquiries = random.nextInt(4);
        BigDecimal outstanding = BigDecimal.valueOf(random.nextInt(0, 120) * 1000L).setScale(2);
        return new BureauReport(NAME, history, existing, overdue, inquiries, outstanding, clock.instant());
    }
}
