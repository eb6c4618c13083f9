package org.xiaodai.platform.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xiaodai.platform.ops.BackupManifest.TableDefinition;

/**
 * Reads what schema {@code public} holds from the PostgreSQL catalog: its base tables, their
 * columns, sequences and enough DDL to recreate a table that no migration creates. Works on the
 * caller's connection so it sees the caller's transaction.
 */
final class TableCatalog {

    static final String SCHEMA = "public";

    private final Connection connection;

    TableCatalog(Connection connection) {
        this.connection = connection;
    }

    /** Base tables (including partitions, excluding partitioned parents) of schema public, by name. */
    List<String> tables() throws SQLException {
        return strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind = 'r' order by c.relname""", SCHEMA);
    }

    /** Column name and DDL fragment per column, in table order. */
    List<Column> columns(String table) throws SQLException {
        String sql = """
                select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated,
                       pg_get_expr(d.adbin, d.adrelid), pg_get_serial_sequence(?, a.attname)
                from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum""";
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, qualified(table));
            statement.setString(2, qualified(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return columns;
    }

    /** Columns a {@code COPY} can write: all but generated ones. */
    List<String> copyableColumns(String table) throws SQLException {
        return columns(table).stream().filter(c -> !c.generated()).map(Column::name).toList();
    }

    /** The DDL that recreates {@code table} as it is now. */
    TableDefinition definition(String table) throws SQLException {
        List<Column> columns = columns(table);
        List<String> sequences = new ArrayList<>();
        List<String> owned = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Column column : columns) {
            lines.add(column.ddl());
            if (column.serial()) {
                sequences.add("create sequence if not exists " + column.sequence());
                owned.add("alter sequence " + column.sequence() + " owned by " + quote(table) + "." + quote(column.name()));
            }
        }
        String create = "create table " + quote(table) + " (\n    " + String.join(",\n    ", lines) + "\n)";
        List<String> constraints = new ArrayList<>(constraints(table, false));
        constraints.addAll(owned);
        return new TableDefinition(sequences, create, constraints, constraints(table, true), indexes(table), triggers(table));
    }

    private List<String> constraints(String table, boolean foreignKeys) throws SQLException {
        String sql = """
                select 'alter table ' || ?::regclass || ' add constraint ' || quote_ident(conname) || ' '
                       || pg_get_constraintdef(oid)
                from pg_constraint where conrelid = ?::regclass and contype in ('p', 'u', 'c', 'x', 'f')
                  and (contype = 'f') = ? order by contype desc, conname""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, qualified(table));
            statement.setString(2, qualified(table));
            statement.setBoolean(3, foreignKeys);
            return strings(statement);
        }
    }

    private List<String> indexes(String table) throws SQLException {
        return strings("""
                select pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = ?::regclass
                and not exists (select 1 from pg_constraint c where c.conrelid = i.indrelid and c.conindid = i.indexrelid
                                and c.contype in ('p', 'u', 'x')) order by i.indexrelid""", qualified(table));
    }

    private List<String> triggers(String table) throws SQLException {
        return strings("select pg_get_triggerdef(oid) from pg_trigger where tgrelid = ?::regclass and not tgisinternal"
                + " order by tgname", qualified(table));
    }

    /** Last value of every sequence of schema public that has been used at least once. */
    Map<String, Long> sequenceValues() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value from pg_sequences
                where schemaname = ? and last_value is not null order by sequencename""")) {
            statement.setString(1, SCHEMA);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return values;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String qualified(String table) {
        return quote(SCHEMA) + "." + quote(table);
    }

    private List<String> strings(String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return strings(statement);
        }
    }

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    /**
     * A column as the catalog describes it.
     *
     * @param identity   {@code a} (always), {@code d} (by default) or empty
     * @param generation {@code s} for a stored generated column, else empty
     * @param sequence   the owned sequence of a serial or identity column, else {@code null}
     */
    record Column(String name, String type, boolean notNull, String identity, String generation,
                  String defaultExpression, String sequence) {

        boolean generated() {
            return !generation.isEmpty();
        }

        boolean serial() {
            return sequence != null && identity.isEmpty();
        }

        String ddl() {
            StringBuilder ddl = new StringBuilder(quote(name)).append(' ').append(type);
            if (generated()) {
                ddl.append(" generated always as (").append(defaultExpression).append(") stored");
            } else if (identity.equals("a")) {
                ddl.append(" generated always as identity");
            } else if (identity.equals("d")) {
                ddl.append(" generated by default as identity");
            } else if (defaultExpression != null) {
                ddl.append(" default ").append(defaultExpression);
            }
            return notNull ? ddl.append(" not null").toString() : ddl.toString();
        }
    }
}
