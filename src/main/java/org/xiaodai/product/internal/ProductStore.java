package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for products and their versions. Every statement runs inside the caller's tenant wall, so
 * none names an institution to filter by; versions are only ever inserted.
 */
@Component
class ProductStore {

    private static final String SELECT = """
            select v.*, v.definition::text as definition_json, p.current_version
            from product_version v join product p on p.id = v.product_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProductVersionCache cache;

    ProductStore(JdbcClient jdbc, JsonMapper json, ProductVersionCache cache) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = cache;
    }

    /** What a new version records besides its definition. */
    record Rates(BigDecimal lowestPercent, BigDecimal highestPercent, LocalDate lprDate, BigDecimal lprPercent,
                 BigDecimal capPercent, boolean exceeded) {
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select from product where code = ?)").param(code).query(Boolean.class).single();
    }

    /** Serialises writers of one institution's catalogue until the end of the transaction. */
    void lockCatalogue(UUID institutionId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('product-catalogue:' || ?, 0))")
                .param(institutionId.toString()).query().singleRow();
    }

    Optional<UUID> idOf(String code) {
        return jdbc.sql("select id from product where code = ?").param(code).query(UUID.class).optional();
    }

    UUID insertProduct(UUID institutionId, String code, Instant at, UUID by) {
        return jdbc.sql("""
                insert into product (institution_id, code, current_version, created_at, created_by)
                values (?, ?, 1, ?, ?) returning id""")
                .params(institutionId, code, Timestamp.from(at), by).query(UUID.class).single();
    }

    /** Moves the product to {@code next} if it is still at {@code expected}; false when someone else was faster. */
    boolean advance(UUID productId, int expected, int next) {
        cache.forget(productId);
        return jdbc.sql("update product set current_version = ? where id = ? and current_version = ?")
                .params(next, productId, expected).update() == 1;
    }

    void insertVersion(UUID productId, UUID institutionId, int version, ProductDefinition d, Rates rates, Instant at,
                       UUID by) {
        jdbc.sql("""
                insert into product_version (product_id, institution_id, version, effective_from, name, product_type,
                    security_type, currency, definition, lowest_apr_percent, highest_apr_percent, lpr_date, lpr_percent,
                    rate_cap_percent, rate_cap_exceeded, approval_policy_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(productId, institutionId, version, Date.valueOf(d.effectiveFrom()), d.name(),
                        d.productType().name(), d.securityType().name(), d.currency(),
                        json.writeValueAsString(ProductJson.body(d)), rates.lowestPercent(), rates.highestPercent(),
                        Date.valueOf(rates.lprDate()), rates.lprPercent(), rates.capPercent(), rates.exceeded(),
                        d.approvalPolicyId(), Timestamp.from(at), by)
                .update();
    }

    Optional<ProductVersion> current(UUID productId) {
        return jdbc.sql(SELECT + " where v.product_id = ? and v.version = p.current_version").param(productId)
                .query(this::row).optional();
    }

    Optional<ProductVersion> version(UUID productId, int version) {
        return jdbc.sql(SELECT + " where v.product_id = ? and v.version = ?").params(productId, version)
                .query(this::row).optional();
    }

    Optional<ProductVersion> inEffect(UUID productId, LocalDate date) {
        return jdbc.sql(SELECT + " where v.product_id = ? and v.effective_from <= ? order by v.version desc limit 1")
                .params(productId, Date.valueOf(date)).query(this::row).optional();
    }

    List<ProductVersion> currentVersions() {
        return jdbc.sql(SELECT + " where v.version = p.current_version order by v.institution_id, p.code")
                .query(this::row).list();
    }

    List<Integer> versionNumbers(UUID productId) {
        return jdbc.sql("select version from product_version where product_id = ? order by version")
                .param(productId).query(Integer.class).list();
    }

    private ProductVersion row(ResultSet rs, int n) throws SQLException {
        ProductBody body = json.readValue(rs.getString("definition_json"), ProductBody.class);
        ProductDefinition d = ProductBodyParser.parse(body).effectiveFrom(rs.getDate("effective_from").toLocalDate());
        return new ProductVersion(rs.getObject("product_id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getInt("version"), rs.getInt("current_version"), d, rs.getBigDecimal("lowest_apr_percent").setScale(2),
                rs.getBigDecimal("highest_apr_percent").setScale(2), rs.getDate("lpr_date").toLocalDate(),
                LprTable.percent(rs.getBigDecimal("lpr_percent")), LprTable.percent(rs.getBigDecimal("rate_cap_percent")),
                rs.getBoolean("rate_cap_exceeded"), rs.getTimestamp("created_at").toInstant());
    }
}
