package org.xiaodai.collection.internal;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.xiaodai.collection.domain.ConductPolicy;

/**
 * The collection settings ({@code xiaodai.collection.*}, documented in {@code application.yaml}):
 * the conduct rules' numbers of DOMAIN.md §9.
 *
 * @param quietFrom                 start of the window without contact (local time of the region)
 * @param quietUntil                its end
 * @param maxUnansweredCallsPerDay  unanswered calls to one contact in one local day before further calls are refused
 */
@ConfigurationProperties("xiaodai.collection")
record CollectionProperties(@DefaultValue("22:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
                            @DefaultValue("6") int maxUnansweredCallsPerDay) {

    ConductPolicy policy() {
        return new ConductPolicy(quietFrom, quietUntil, maxUnansweredCallsPerDay);
    }
}
