package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.iam.DataScope;
import org.xiaodai.origination.domain.ApplicationStatus;
import org.xiaodai.origination.domain.CollateralType;
import org.xiaodai.origination.domain.Flag;
import org.xiaodai.shared.problem.ProblemException;

import tools.jackson.databind.json.JsonMapper;

/** SQL for applications, inside the tenant wall; reads that serve a user also inside its data scope. */
@Repository
class ApplicationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored application. */
    record Row(UUID id, UUID institutionId, UUID branchId, String branchPath, UUID ownerId, UUID customerId,
               UUID productId, int productVersion, BigDecimal amount, int numberOfRepayments, BigDecimal annualRatePercent,
               String purpose, String channel, Map<String, Object> answers, List<String> documents, String collateralJson,
               String guarantorsJson, String status, List<Flag> flags, Map<String, Object> score, String bureauJson,
               BigDecimal annualPercentageRate, BigDecimal approvedAmount, BigDecimal approvedRatePercent, String conditions,
               List<String> declineReasons, Instant humanReviewRequestedAt, UUID contractId, UUID loanId,
               String clientAddress, String deviceId, int submissions, Instant submittedAt, Instant decidedAt,
               Instant createdAt, String customerName) {
    }

    void insert(UUID id, UUID institution, UUID branchId, String branchPath, UUID owner, NewApplication a, String customerName,
                int productVersion, String idempotencyKey, String clientAddress, Instant at) {
        List<Map<String, Object>> collateral = new ArrayList<>();
        for (NewApplication.Collateral c : a.collateral()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", c.type().name());
            line.put("description", c.description());
            line.put("valuation", c.valuation().toPlainString());
            line.put("valuationDate", c.valuationDate().toString());
            collateral.add(line);
        }
        jdbc.sql("""
                insert into origination_application (id, institution_id, branch_id, branch_path, owner_id, customer_id, customer_name,
                    product_id, product_version, amount, number_of_repayments, annual_rate_percent, purpose, channel,
                    answers, documents, collateral, guarantors, status, client_address, device_id, idempotency_key,
                    created_at, updated_at)
                values (:id, :institution, :branchId, :branchPath, :owner, :customer, :customerName, :product, :version, :amount, :n,
                    :rate, :purpose, :channel, :answers::jsonb, :documents::jsonb, :collateral::jsonb, :guarantors::jsonb,
                    'DRAFT', :address, :device, :key, :at, :at)""")
                .param("id", id).param("institution", institution).param("branchId", branchId)
                .param("branchPath", branchPath).param("owner", owner).param("customer", a.customerId()).param("customerName", customerName)
                .param("product", a.productId()).param("version", productVersion).param("amount", a.amount())
                .param("n", a.numberOfRepayments()).param("rate", a.annualInterestRatePercent())
                .param("purpose", a.purpose().name()).param("channel", a.channel())
                .param("answers", json.writeValueAsString(a.answers()))
                .param("documents", json.writeValueAsString(a.documents()))
                .param("collateral", json.writeValueAsString(collateral))
                .param("guarantors", json.writeValueAsString(a.guarantors().stream().map(UUID::toString).toList()))
                .param("address", clientAddress).param("device", a.deviceId()).param("key", idempotencyKey)
                .param("at", Timestamp.from(at)).update();
    }

    void submitted(UUID id, List<Flag> flags, Map<String, Object> score, BureauReport report, BigDecimal apr,
                   String address, String device, Instant at) {
        jdbc.sql("""
                update origination_application set status = 'UNDER_REVIEW', flags = ?::jsonb, score = ?::jsonb,
                    bureau_report = ?::jsonb, annual_percentage_rate = ?, client_address = ?, device_id = ?,
                    submitted_at = ?, submissions = submissions + 1, decided_at = null, approved_amount = null,
                    approved_rate_percent = null, conditions = null, decline_reasons = '[]', updated_at = ?,
                    version = version + 1
                where id = ?""")
                .params(json.writeValueAsString(flags), score == null ? null : json.writeValueAsString(score),
                        json.writeValueAsString(report), apr, address, device, Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    /** The application in the caller's scope, locked for the change; 404 otherwise. */
    Row forUpdate(DataScope scope, UUID id) {
        DataScope.Predicate visible = scope.predicate("a", "branch_path", "owner_id");
        return jdbc.sql("select a.* from origination_application a where a.id = :id and " + visible.sql() + " for update")
                .params(visible.parameters()).param("id", id).query(this::row).optional()
                .orElseThrow(() -> ProblemException.notFound("application"));
    }

    /** The application in the caller's scope; 404 otherwise. */
    Row inScope(DataScope scope, UUID id) {
        DataScope.Predicate visible = scope.predicate("a", "branch_path", "owner_id");
        return jdbc.sql("select a.* from origination_application a where a.id = :id and " + visible.sql())
                .params(visible.parameters()).param("id", id).query(this::row).optional()
                .orElseThrow(() -> ProblemException.notFound("application"));
    }

    /** 409 unless the application's state allows the move to {@code next}. */
    private static void requireMove(Row row, ApplicationStatus next) {
        ApplicationStatus current = ApplicationStatus.valueOf(row.status());
        if (!current.canMoveTo(next)) {
            throw ProblemException.conflict("application-state", current.name());
        }
    }

    /** Moves the application to {@code next}; 409 when its state does not allow that move. */
    void move(Row row, ApplicationStatus next, Instant at) {
        requireMove(row, next);
        jdbc.sql("update origination_application set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(next.name(), Timestamp.from(at), row.id()).update();
    }

    /**
     * What the checks on submit read from origination's own tables, in one statement: submissions in
     * the last hour from the device and from the client address (0 without one), the approved but
     * uncontracted amount of the borrower ({@link #approvedNotContracted}), and the net assets in
     * effect on {@code today} (null without one); all leaving out the application being submitted.
     */
    SubmitFacts submitFacts(UUID application, UUID borrower, String device, String address, Instant since, LocalDate today) {
        return jdbc.sql("""
                select %s as from_device, %s as from_address,
                       (select coalesce(sum(coalesce(approved_amount, amount)), 0) from origination_application
                        where customer_id = :borrower and status = 'APPROVED' and id <> :id) as approved,
                       (select net_assets from origination_net_assets where effective_from <= :today
                        order by effective_from desc limit 1) as net_assets""".formatted(
                        device == null ? "0" : "(select count(*) from origination_application "
                                + "where device_id = :device and submitted_at >= :since and id <> :id)",
                        address == null ? "0" : "(select count(*) from origination_application "
                                + "where client_address = :address and submitted_at >= :since and id <> :id)"))
                .param("id", application).param("borrower", borrower).param("today", today)
                .param("since", Timestamp.from(since)).param("device", device).param("address", address)
                .query((rs, n) -> new SubmitFacts(rs.getInt("from_device"), rs.getInt("from_address"),
                        rs.getBigDecimal("approved"), rs.getBigDecimal("net_assets"))).single();
    }

    /** {@link #submitFacts}: counts in the last hour, the borrower's approved-not-contracted amount, the net assets (or null). */
    record SubmitFacts(int fromDevice, int fromAddress, BigDecimal approvedNotContracted, BigDecimal netAssets) {
    }

    /** What the customers owe on approved and contracted applications (until servicing's balances exist). */
    /**
     * Approved applications of these customers not contracted yet (a contracted one is a loan on
     * servicing's books, counted there), at the approved amount.
     */
    BigDecimal approvedNotContracted(List<UUID> customerIds, UUID except) {
        return jdbc.sql("""
                select coalesce(sum(coalesce(approved_amount, amount)), 0) from origination_application
                where customer_id = any(?) and status = 'APPROVED' and id <> ?""")
                .params(customerIds.toArray(UUID[]::new), except).query(BigDecimal.class).single();
    }

    List<NewApplication.Collateral> collateral(Row row) {
        return collateral(row.collateralJson());
    }

    /** The collateral of an application's stored {@code collateral} JSON. */
    List<NewApplication.Collateral> collateral(String collateralJson) {
        List<NewApplication.Collateral> out = new ArrayList<>();
        for (Object o : json.readValue(collateralJson, List.class)) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new NewApplication.Collateral(CollateralType.valueOf(String.valueOf(m.get("type"))),
                    (String) m.get("description"), new BigDecimal(String.valueOf(m.get("valuation"))),
                    LocalDate.parse(String.valueOf(m.get("valuationDate")))));
        }
        return out;
    }

    List<UUID> guarantors(Row row) {
        return guarantors(row.guarantorsJson());
    }

    /** The guarantors of an application's stored {@code guarantors} JSON. */
    List<UUID> guarantors(String guarantorsJson) {
        List<UUID> out = new ArrayList<>();
        for (Object o : json.readValue(guarantorsJson, List.class)) {
            out.add(UUID.fromString(String.valueOf(o)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Row row(ResultSet rs, int n) throws SQLException {
        List<Flag> flags = new ArrayList<>();
        for (Object o : json.readValue(rs.getString("flags"), List.class)) {
            Map<?, ?> m = (Map<?, ?>) o;
            List<String> args = new ArrayList<>();
            if (m.get("args") instanceof List<?> l) {
                l.forEach(a -> args.add(String.valueOf(a)));
            }
            flags.add(new Flag(String.valueOf(m.get("code")), args));
        }
        String score = rs.getString("score");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getObject("branch_id", UUID.class), rs.getString("branch_path"), rs.getObject("owner_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getObject("product_id", UUID.class), rs.getInt("product_version"),
                rs.getBigDecimal("amount"), rs.getInt("number_of_repayments"), rs.getBigDecimal("annual_rate_percent"),
                rs.getString("purpose"), rs.getString("channel"),
                (Map<String, Object>) json.readValue(rs.getString("answers"), LinkedHashMap.class),
                strings(json.readValue(rs.getString("documents"), List.class)), rs.getString("collateral"),
                rs.getString("guarantors"), rs.getString("status"), flags,
                score == null ? null : (Map<String, Object>) json.readValue(score, LinkedHashMap.class),
                rs.getString("bureau_report"), scale2(rs.getBigDecimal("annual_percentage_rate")),
                rs.getBigDecimal("approved_amount"), rs.getBigDecimal("approved_rate_percent"), rs.getString("conditions"),
                strings(json.readValue(rs.getString("decline_reasons"), List.class)),
                instant(rs, "human_review_requested_at"), rs.getObject("contract_id", UUID.class),
                rs.getObject("loan_id", UUID.class), rs.getString("client_address"), rs.getString("device_id"),
                rs.getInt("submissions"), instant(rs, "submitted_at"), instant(rs, "decided_at"), instant(rs, "created_at"),
                rs.getString("customer_name"));
    }

    private static BigDecimal scale2(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
