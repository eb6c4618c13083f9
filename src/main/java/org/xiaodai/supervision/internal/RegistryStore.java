package org.xiaodai.supervision.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.shared.tx.ReferenceVersion;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.Licence;
import org.xiaodai.supervision.LicenceStatus;

/** The registry versions in SQL; every read goes through the tenant wall. */
@Repository
class RegistryStore {

    private final JdbcClient jdbc;

    RegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version with who changed it, when and why. */
    record Version(Licence licence, String reason, String changedByName, Instant changedAt) {
    }

    Optional<Licence> inEffect(UUID institutionId, LocalDate date) {
        return jdbc.sql("""
                select * from supervision_registry where institution_id = ? and effective_from <= ?
                order by effective_from desc, version desc limit 1""")
                .params(institutionId, date).query(RegistryStore::licence).optional();
    }

    List<Version> versions(UUID institutionId) {
        return jdbc.sql("select * from supervision_registry where institution_id = ? order by version desc")
                .param(institutionId).query((rs, n) -> new Version(licence(rs, n), rs.getString("reason"),
                        rs.getString("changed_by_name"), rs.getTimestamp("changed_at").toInstant())).list();
    }

    int latestVersion(UUID institutionId) {
        return jdbc.sql("select coalesce(max(version), 0) from supervision_registry where institution_id = ?")
                .param(institutionId).query(Integer.class).single();
    }

    void insert(Licence l, String reason, UUID changedBy, String changedByName, Instant at) {
        ReferenceVersion.changedHere(); // the registry as kept in memory no longer holds for this transaction
        jdbc.sql("""
                insert into supervision_registry (id, institution_id, version, effective_from, licence_number, licensed_region,
                    business_scope, online_lending, registered_capital, net_assets, net_assets_year, bank_loans,
                    shareholder_loans, bonds, asset_backed, status, contact_name, contact_phone, contact_email, reason,
                    changed_by, changed_by_name, changed_at)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), l.institutionId(), l.version(), l.effectiveFrom(), l.licenceNumber(),
                        l.licensedRegion(), l.businessScope().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        l.onlineLending(), l.registeredCapital(), l.netAssets(), l.netAssetsYear(), l.bankLoans(),
                        l.shareholderLoans(), l.bonds(), l.assetBacked(), l.status().name(), l.contactName(),
                        l.contactPhone(), l.contactEmail(), reason, changedBy, changedByName, Timestamp.from(at))
                .update();
    }

    static Licence licence(ResultSet rs, int n) throws SQLException {
        return new Licence(rs.getObject("institution_id", UUID.class), rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class), rs.getString("licence_number"),
                rs.getString("licensed_region"), scope(rs.getArray("business_scope")), rs.getBoolean("online_lending"),
                rs.getBigDecimal("registered_capital"), rs.getBigDecimal("net_assets"), rs.getInt("net_assets_year"),
                rs.getBigDecimal("bank_loans"), rs.getBigDecimal("shareholder_loans"), rs.getBigDecimal("bonds"),
                rs.getBigDecimal("asset_backed"), LicenceStatus.valueOf(rs.getString("status")),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"));
    }

    private static java.util.Set<BusinessScope> scope(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(BusinessScope::valueOf).collect(Collectors.toSet());
    }
}
