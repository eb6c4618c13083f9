package org.xiaodai.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sets up the database roles of {@code db/roles/create-roles.sql} in the embedded cluster, as its
 * superuser, at every start: the schema owner (Flyway), the application's login role that owns
 * nothing and cannot bypass row-level security, and the two group roles the migrations grant to.
 * It also hands the database, schema {@code public} and everything in it that an earlier version
 * created as the superuser to the owner role, so an existing data directory upgrades in place.
 */
final class DatabaseRoles {

    static final String OWNER = "xiaodai_owner";
    static final String APP = "xiaodai_app";
    static final String SCRIPT = "db/roles/create-roles.sql";

    private DatabaseRoles() {
    }

    static void apply(String jdbcUrl, DatabaseCredentials credentials) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.SUPERUSER,
                credentials.superuserPassword());
             Statement sql = connection.createStatement()) {
            sql.execute(script().replace("${ownerPassword}", credentials.ownerPassword())
                    .replace("${appPassword}", credentials.appPassword()));
            sql.execute("alter database \"" + database + "\" owner to " + OWNER);
            sql.execute("alter schema public owner to " + OWNER);
            sql.execute("revoke create on schema public from public");
            sql.execute(HAND_OVER_EXISTING_OBJECTS);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up the database roles", e);
        }
    }

    static String script() {
        try (InputStream in = DatabaseRoles.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tables, views, free-standing sequences and functions in public still owned by the superuser. */
    private static final String HAND_OVER_EXISTING_OBJECTS = """
            do $$
            declare
                r record;
            begin
                for r in select c.oid::regclass as name,
                                case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                               when 'S' then 'sequence' else 'table' end as kind
                         from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relowner = 'postgres'::regrole
                           and c.relkind in ('r', 'p', 'v', 'm', 'S')
                           and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                                           and d.objid = c.oid and d.deptype in ('a', 'i'))
                loop
                    execute format('alter %s %s owner to xiaodai_owner', r.kind, r.name);
                end loop;
                for r in select p.oid::regprocedure as signature
                         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                         where n.nspname = 'public' and p.proowner = 'postgres'::regrole
                loop
                    execute format('alter routine %s owner to xiaodai_owner', r.signature);
                end loop;
            end
            $$""";
}
