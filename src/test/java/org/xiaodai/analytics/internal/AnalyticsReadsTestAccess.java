package org.xiaodai.analytics.internal;

import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds an {@link AnalyticsReads} outside the context (a replica setting) for tests. */
public final class AnalyticsReadsTestAccess {

    private AnalyticsReadsTestAccess() {
    }

    public static AnalyticsReads create(DataSource application, AnalyticsProperties properties) {
        return new AnalyticsReads(application, properties);
    }

    public static boolean onReplica(AnalyticsReads reads) {
        return reads.onReplica();
    }

    public static <T> T read(AnalyticsReads reads, Function<JdbcClient, T> work) {
        return reads.read(work);
    }

    public static void close(AnalyticsReads reads) {
        reads.destroy();
    }
}
