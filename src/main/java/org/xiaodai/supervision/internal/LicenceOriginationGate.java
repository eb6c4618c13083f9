package org.xiaodai.supervision.internal;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.origination.OriginationGate;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.supervision.Institutions;
import org.xiaodai.supervision.Licence;
import org.xiaodai.supervision.LicenceStatus;

/**
 * Origination's gate from the registry: an institution whose licence in effect on its business date
 * is suspended or revoked may not create or submit applications. An institution the registry does not
 * know yet (no entry) is not refused here: the regulator has not ruled on it.
 */
@Component
class LicenceOriginationGate implements OriginationGate {

    private final Institutions institutions;
    private final BusinessDate businessDate;

    LicenceOriginationGate(Institutions institutions, BusinessDate businessDate) {
        this.institutions = institutions;
        this.businessDate = businessDate;
    }

    @Override
    public Optional<String> refusal(UUID institutionId) {
        try {
            if (institutions.mayOriginate(institutionId)) {
                return Optional.empty();
            }
            return institutions.licence(institutionId, businessDate.of(institutionId)).map(Licence::status)
                    .filter(s -> s != LicenceStatus.ACTIVE)
                    .map(s -> s == LicenceStatus.REVOKED ? "licenceRevoked" : "licenceSuspended");
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
