package org.xiaodai.scoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.tx.ReferenceCache;
import org.xiaodai.shared.tx.ReferenceVersion;
import org.xiaodai.shared.tx.TransactionMemo;

/**
 * SQL of the scoring tables. Every statement runs inside the caller's tenant wall, so none names
 * an institution in its predicate: row-level security does.
 */
@Repository
class ScoringRepository {

    private static final String MODEL_COLUMNS = """
            id, institution_id, name, purpose, version, status, progress, scorecard, metrics::text as metrics,
            training_data::text as training_data, code_version, failure, built_by, built_by_name, built_at,
            approved_by, approved_by_name, approved_at""";

    private final JdbcClient jdbc;

    ScoringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row for a model and its assignment slots (product, purpose, role). */
    record AssignmentRow(UUID id, UUID productId, String purpose, String role, UUID modelId, String activatedByName,
            Instant activatedAt) {
    }

    /**
     * Serialises the seeding of one institution until the transaction ends: the registration event
     * can be delivered twice (the outbox republishes a publication still running at start-up).
     */
    void lockSeeding(UUID institutionId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('scoring-seed'), hashtext(?::text))").param(institutionId)
                .query((rs, n) -> 1).single();
    }

    void insertModel(ModelRow m) {
        jdbc.sql("""
                insert into scoring_model (id, institution_id, name, purpose, version, status, progress, scorecard, metrics,
                    training_data, code_version, failure, built_by, built_by_name, built_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)""")
                .params(m.id(), m.institutionId(), m.name(), m.purpose(), m.version(), m.status(), m.progress(),
                        m.scorecard(), m.metrics(), m.trainingData(), m.codeVersion(), m.failure(), m.builtBy(),
                        m.builtByName(), Timestamp.from(m.builtAt()))
                .update();
    }

    int nextVersion(String name) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from scoring_model where name = ?").param(name)
                .query(Integer.class).single();
    }

    Optional<ModelRow> model(UUID id) {
        return jdbc.sql("select " + MODEL_COLUMNS + " from scoring_model where id = ?").param(id)
                .query(ScoringRepository::modelRow).optional();
    }

    /** Models newest first, without their scorecard text. */
    List<ModelRow> models() {
        return jdbc.sql("select " + MODEL_COLUMNS.replace("scorecard,", "null as scorecard,")
                        + " from scoring_model order by built_at desc, name, version desc")
                .query(ScoringRepository::modelRow).list();
    }

    void progress(UUID id, int progress) {
        jdbc.sql("update scoring_model set progress = ? where id = ? and status = 'TRAINING'").params(progress, id).update();
    }

    void finishTraining(UUID id, String scorecard, String metrics) {
        jdbc.sql("""
                update scoring_model set status = 'DRAFT', progress = 100, scorecard = ?, metrics = cast(? as jsonb)
                where id = ? and status = 'TRAINING'""").params(scorecard, metrics, id).update();
    }

    void failTraining(UUID id, String failure) {
        jdbc.sql("update scoring_model set status = 'FAILED', failure = ? where id = ? and status = 'TRAINING'")
                .params(failure, id).update();
    }

    boolean approve(UUID id, UUID by, String byName, Instant at) {
        return jdbc.sql("""
                update scoring_model set status = 'APPROVED', approved_by = ?, approved_by_name = ?, approved_at = ?
                where id = ? and status = 'DRAFT'""").params(by, byName, Timestamp.from(at), id).update() == 1;
    }

    List<AssignmentRow> assignments() {
        return jdbc.sql("""
                select id, product_id, purpose, role, model_id, activated_by_name, activated_at from scoring_assignment
                order by purpose, product_id nulls first, role""")
                .query((rs, n) -> new AssignmentRow(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                        rs.getString("purpose"), rs.getString("role"), rs.getObject("model_id", UUID.class),
                        rs.getString("activated_by_name"), rs.getTimestamp("activated_at").toInstant()))
                .list();
    }

    /** Puts the model into the slot, replacing whatever held it. */
    void assign(UUID institutionId, UUID productId, String purpose, String role, UUID modelId, UUID by, String byName,
            Instant at) {
        ReferenceVersion.changedHere();
        jdbc.sql("""
                delete from scoring_assignment where purpose = ? and role = ?
                  and coalesce(product_id, '00000000-0000-0000-0000-000000000000'::uuid)
                      = coalesce(?::uuid, '00000000-0000-0000-0000-000000000000'::uuid)""")
                .params(purpose, role, productId).update();
        jdbc.sql("""
                insert into scoring_assignment (id, institution_id, product_id, purpose, role, model_id, activated_by,
                    activated_by_name, activated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institutionId, productId, purpose, role, modelId, by, byName, Timestamp.from(at))
                .update();
        slots.forget();
    }

    /** The model in a slot: the product's own, else the institution's default for the purpose. */
    Optional<UUID> assigned(UUID productId, String purpose, String role) {
        return Optional.ofNullable(slots(productId, purpose).get(role)).map(Slot::modelId);
    }

    /** The model holding a slot, with what a score names it by. */
    record Slot(UUID modelId, String name, int version) {
    }

    private record SlotKey(UUID productId, String purpose) {
    }

    /**
     * Champion and challenger of a product and purpose, read in one statement once per transaction:
     * a submission asks which answers the champion needs and then scores with it.
     */
    private final TransactionMemo<SlotKey, Map<String, Slot>> slots = new TransactionMemo<>("scoring slots");
    /**
     * The same across transactions, by the tenant wall read through, under the reference version (an
     * assignment, or a model's name or version changed, bumps it: triggers on {@code scoring_assignment}
     * and {@code scoring_model}).
     */
    private static final ReferenceCache<WalledSlotKey, Map<String, Slot>> SLOTS = new ReferenceCache<>("scoring slots", 100_000);

    private record WalledSlotKey(TenantWall.Setting wall, SlotKey key) {
    }

    /** The slots of a product and purpose by role (CHAMPION, CHALLENGER): the product's own, else the default. */
    Map<String, Slot> slots(UUID productId, String purpose) {
        return slots.get(new SlotKey(productId, purpose), key -> SLOTS.get(new WalledSlotKey(TenantWall.current(), key),
                walled -> readSlots(walled.key())));
    }

    private Map<String, Slot> readSlots(SlotKey key) {
        {
            Map<String, Slot> found = new HashMap<>();
            jdbc.sql("""
                    select distinct on (a.role) a.role, a.model_id, m.name, m.version
                    from scoring_assignment a join scoring_model m on m.id = a.model_id
                    where a.purpose = ? and (a.product_id = ?::uuid or a.product_id is null)
                    order by a.role, a.product_id nulls last""")
                    .params(key.purpose(), key.productId())
                    .query((rs, n) -> found.put(rs.getString(1),
                            new Slot(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4))))
                    .list();
            return Map.copyOf(found);
        }
    }

    void insertResult(UUID institutionId, UUID modelId, UUID productId, String subject, LocalDate businessDate,
            Instant at, int score, int[] bins, boolean challenger) {
        jdbc.sql("""
                insert into scoring_result (id, institution_id, model_id, product_id, subject, business_date, scored_at,
                    score, bins, challenger) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institutionId, modelId, productId, subject, businessDate, Timestamp.from(at),
                        score, toArray(bins), challenger)
                .update();
    }

    private static Integer[] toArray(int[] bins) {
        Integer[] out = new Integer[bins.length];
        for (int i = 0; i < bins.length; i++) {
            out[i] = bins[i];
        }
        return out;
    }

    static ModelRow modelRow(ResultSet rs, int n) throws SQLException {
        return new ModelRow(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("name"), rs.getString("purpose"), rs.getInt("version"), rs.getString("status"),
                rs.getInt("progress"), rs.getString("scorecard"), rs.getString("metrics"), rs.getString("training_data"),
                rs.getString("code_version"), rs.getString("failure"), rs.getObject("built_by", UUID.class),
                rs.getString("built_by_name"), rs.getTimestamp("built_at").toInstant(),
                rs.getObject("approved_by", UUID.class), rs.getString("approved_by_name"), instant(rs, "approved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
