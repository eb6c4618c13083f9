package org.xiaodai.product.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Writes the published LPR history at start where it is missing (every deployment, not only the
 * demo), region-wide because only region-wide transactions may write the table. Off for the
 * operations commands (backup, restore), which must find a database they can replace.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class LprBootstrap implements SmartInitializingSingleton {

    private final LprTable table;

    LprBootstrap(LprTable table) {
        this.table = table;
    }

    @Override
    public void afterSingletonsInstantiated() {
        TenantWall.regionWide(table::ensurePublishedHistory);
    }
}
