package org.xiaodai.analytics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings ({@code xiaodai.analytics.*}).
 *
 * @param datasource the read-only connection dashboards read on: a replica's JDBC URL with a role that
 *                   is subject to the tenant wall like the application's ({@code xiaodai_app}); blank
 *                   URL (the default): the application's own connection pool, in read-only transactions
 */
@ConfigurationProperties("xiaodai.analytics")
public record AnalyticsProperties(@DefaultValue Datasource datasource) {

    /**
     * @param url             JDBC URL of the replica, e.g. {@code jdbc:postgresql://replica:5432/xiaodai}; blank: none
     * @param username        its user
     * @param password        its password
     * @param maximumPoolSize connections to it
     */
    public record Datasource(@DefaultValue("") String url, @DefaultValue("") String username,
                             @DefaultValue("") String password, @DefaultValue("4") int maximumPoolSize) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
