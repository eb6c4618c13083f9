package org.xiaodai.platform.db;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The tenant wall's application side: the transaction manager that sets the tenant per
 * transaction, and a start-up check that the application's own connection cannot walk through
 * the wall (it must not be a superuser, bypass row-level security or own the tables, whose owner
 * the forced policies would otherwise still bind but who could drop them).
 */
@Configuration(proxyBeanMethods = false)
class TenantWallConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TenantWallConfiguration.class);

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }

    @Bean
    SmartInitializingSingleton restrictedRoleCheck(JdbcClient jdbc,
            @Value("${xiaodai.db.require-restricted-role:true}") boolean required,
            @Value("${xiaodai.ops.command:}") String opsCommand) {
        return () -> {
            if (!opsCommand.isBlank()) {
                return; // backup and restore connect as a superuser or the owner on purpose (docs/operations.md)
            }
            var role = jdbc.sql("""
                    select current_user as name, r.rolsuper, r.rolbypassrls,
                           (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = 'public' and c.relowner = r.oid) as owned
                    from pg_roles r where r.rolname = current_user
                    """).query((rs, n) -> new AppRole(rs.getString("name"), rs.getBoolean("rolsuper"),
                    rs.getBoolean("rolbypassrls"), rs.getLong("owned"))).single();
            if (!role.restricted()) {
                String message = "The application connects as database role '" + role.name() + "', which "
                        + (role.superuser() ? "is a superuser" : role.bypassRls() ? "bypasses row-level security"
                        : "owns " + role.owned() + " tables")
                        + ": connect as a role that owns nothing (see docs/operations.md, 'Database roles')";
                if (required) {
                    throw new IllegalStateException(message);
                }
                log.warn("{} (xiaodai.db.require-restricted-role=false)", message);
            }
        };
    }

    record AppRole(String name, boolean superuser, boolean bypassRls, long owned) {
        boolean restricted() {
            return !superuser && !bypassRls && owned == 0;
        }
    }
}
