package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.shared.tx.ReferenceCache;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.Institutions;
import org.xiaodai.supervision.Licence;
import org.xiaodai.supervision.LicenceStatus;

/** The registry facade: the version in effect on a date, read through the caller's tenant wall. */
@Component
class JdbcInstitutions implements Institutions {

    private final RegistryStore store;
    private final BusinessDate businessDate;

    JdbcInstitutions(RegistryStore store, BusinessDate businessDate) {
        this.store = store;
        this.businessDate = businessDate;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Licence> licence(UUID institutionId, LocalDate date) {
        return store.inEffect(institutionId, date);
    }

    /**
     * The answers of {@link #mayOriginate}, by the tenant wall they were read through and the
     * institution, kept under the reference version: a new registry version and a moved business date
     * each bump it (triggers on {@code supervision_registry} and {@code eod_business_date}), so a
     * suspension committed on any instance stops the next transaction that begins anywhere.
     */
    private static final ReferenceCache<GateKey, Boolean> MAY_ORIGINATE = new ReferenceCache<>("licence gate", 100_000);

    private record GateKey(TenantWall.Setting wall, UUID institutionId) {
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayOriginate(UUID institutionId) {
        return MAY_ORIGINATE.get(new GateKey(TenantWall.current(), institutionId), key ->
                store.inEffect(institutionId, businessDate.of(institutionId))
                        .map(l -> l.status() == LicenceStatus.ACTIVE).orElse(false));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BigDecimal> netAssets(UUID institutionId, LocalDate date) {
        return store.inEffect(institutionId, date).map(Licence::netAssets);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean licensedFor(UUID institutionId, String regionCode, BusinessScope scope, LocalDate date) {
        return store.inEffect(institutionId, date)
                .map(l -> l.coversRegion(regionCode) && l.businessScope().contains(scope)).orElse(false);
    }
}
