package org.xiaodai.reporting.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.reporting.internal.ReturnViews.DataQuality;
import org.xiaodai.reporting.internal.ReturnViews.Line;
import org.xiaodai.reporting.internal.ReturnViews.Receipt;
import org.xiaodai.reporting.internal.ReturnViews.Rejection;
import org.xiaodai.reporting.internal.ReturnViews.ReturnDetail;
import org.xiaodai.reporting.internal.ReturnViews.ReturnView;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Monthly returns: generate (collect the snapshot, check data quality) → review → submit → the
 * regulator's receipt (accepted, or rejected with row-level reasons) → correct and generate again as
 * a new version. Every version is kept; generating again supersedes an unsubmitted or rejected
 * version, never a submitted or accepted one. A return is due by the {@link #DUE_DAY}th of the next
 * month and is marked late when submitted after that. Reads run inside the caller's tenant wall: an
 * institution reaches only its own returns (another's id is a 404), the regulator every submitted one.
 */
@Service
public class ReturnService implements org.xiaodai.reporting.ReturnDeadlines {

    /** Day of the next month by which a period's return is due (DOMAIN.md §6, practice). */
    public static final int DUE_DAY = 5;
    /** {@code work_mem} of a generation's transaction. */
    static final String WORK_MEM = "256MB";
    private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

    private final JdbcClient jdbc;
    private final Snapshots snapshots;
    private final QualityRules quality;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.xiaodai.iam.InstitutionDirectory directory;

    ReturnService(JdbcClient jdbc, Snapshots snapshots, QualityRules quality, BusinessDate businessDate,
                  AuditTrail audit, Clock clock, org.xiaodai.iam.InstitutionDirectory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.quality = quality;
        this.businessDate = businessDate;
        this.audit = audit;
        this.clock = clock;
    }

    /** Parses a period; 400 {@code period: periodFormat} unless {@code YYYY-MM}. */
    public static YearMonth period(@Nullable String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            throw ProblemException.invalid("period", "periodFormat");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("period", "periodFormat");
        }
    }

    /** Generates a new version of the caller's institution's return for the period. */
    @Transactional
    public ReturnDetail generate(CurrentUser caller, @Nullable String periodText) {
        if (caller.seesAllInstitutions()) {
            throw ProblemException.forbidden("forbidden");
        }
        UUID id = generate(caller.organisationId(), period(periodText), caller);
        return detail(id);
    }

    /**
     * Generates a return for an institution (the caller's transaction and tenant wall): locks the
     * institution's period, supersedes the open version, collects, checks, audits.
     */
    @Transactional
    public UUID generate(UUID institutionId, YearMonth period, Actor actor) {
        LocalDate today = businessDate.of(institutionId);
        LocalDate start = period.atDay(1);
        if (start.isAfter(today)) {
            throw ProblemException.invalid("period", "periodNotStarted", today.toString());
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(institutionId + "/" + period)
                .query(Object.class).list();
        List<Map<String, Object>> versions = jdbc.sql(
                "select id, version, status from reporting_return where institution_id = ? and period = ? order by version")
                .params(institutionId, period.toString()).query().listOfRows();
        for (Map<String, Object> v : versions) {
            String status = (String) v.get("status");
            if (status.equals("SUBMITTED") || status.equals("ACCEPTED")) {
                throw ProblemException.conflict("return-submitted", period.toString());
            }
        }
        int version = versions.size() + 1;
        for (Map<String, Object> v : versions) {
            if ("GENERATED".equals(v.get("status"))) {
                moveStatus((UUID) v.get("id"), institutionId, "GENERATED", "SUPERSEDED", "reporting.return.superseded");
            }
        }
        LocalDate monthEnd = period.atEndOfMonth();
        LocalDate asOf = monthEnd.isBefore(today) ? monthEnd : today;
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into reporting_return (id, institution_id, period, version, status, as_of, collected_on, due_on,
                    loans, balance, quality_score, generated_at, generated_by, generated_by_name)
                values (?, ?, ?, ?, 'GENERATED', ?, ?, ?, 0, 0, 0, ?, ?, ?)""")
                .params(id, institutionId, period.toString(), version, asOf, today, dueOn(period), Timestamp.from(now),
                        actor.actorId(), actor.actorName())
                .update();
        // sorts and hashes of a month's loans stay in memory (the default 4 MB spilled them to disk)
        jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
        int loans = snapshots.collect(id, institutionId, start, asOf, quality.failingIdNumbers(today));
        BigDecimal balance = snapshots.totalBalance(id);
        BigDecimal score = quality.finish(id, institutionId, asOf, loans, balance);
        jdbc.sql("update reporting_return set loans = ?, quality_score = ?, balance = ? where id = ?")
                .params(loans, score, balance, id).update();
        audit.record(AuditRecord.created("reporting.return.generated", "return", id, institutionId,
                Map.of("period", period.toString(), "version", version, "loans", loans, "qualityScore", score.toPlainString())));
        return id;
    }

    /** The due date of a period's return: the {@link #DUE_DAY}th of the next month. */
    public static LocalDate dueOn(YearMonth period) {
        return period.plusMonths(1).atDay(DUE_DAY);
    }

    /** Submits a generated return to the regulator; late when after its due date (the business date). */
    @Transactional
    public ReturnDetail submit(CurrentUser caller, UUID id) {
        ReturnView r = view(id);
        submitOn(caller, id, businessDate.of(r.institutionId()));
        return detail(id);
    }

    /** Submits a generated return as of a date (the business date; the demo's past dates). */
    @Transactional
    public void submitOn(Actor actor, UUID id, LocalDate on) {
        ReturnView r = view(id);
        if (!r.status().equals("GENERATED")) {
            throw ProblemException.conflict("invalid-state");
        }
        boolean late = on.isAfter(r.dueOn());
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update reporting_return set status = 'SUBMITTED', submitted_at = ?, submitted_on = ?, submitted_by_name = ?,
                       late = ?, row_version = row_version + 1
                 where id = ? and status = 'GENERATED'""")
                .params(Timestamp.from(now), on, actor.actorName(), late, id).update();
        if (updated != 1) {
            throw ProblemException.conflict("invalid-state");
        }
        audit.record(AuditRecord.changed("reporting.return.submitted", "return", id, r.institutionId(),
                Map.of("status", "GENERATED"), Map.of("status", "SUBMITTED", "late", late, "submittedOn", on.toString())));
    }

    /** The regulator's receipt: accepted, or rejected with row-level reasons (rows of the loan-level detail). */
    @Transactional
    public ReturnDetail receipt(CurrentUser caller, UUID id, @Nullable Boolean accepted, @Nullable String note,
                                @Nullable List<Rejection> rejections) {
        if (!caller.isRegulator()) {
            throw ProblemException.forbidden("forbidden");
        }
        record(caller, id, accepted, note, rejections);
        return detail(id);
    }

    /** Records the regulator's receipt (the caller is the regulator, region-wide). */
    @Transactional
    public void record(Actor caller, UUID id, @Nullable Boolean accepted, @Nullable String note,
                       @Nullable List<Rejection> rejections) {
        ReturnView r = view(id);
        if (accepted == null) {
            throw ProblemException.invalid("accepted", "required");
        }
        List<Rejection> rows = rejections == null ? List.of() : rejections;
        validateRejections(id, accepted, note, rows);
        if (!r.status().equals("SUBMITTED")) {
            throw ProblemException.conflict("invalid-state");
        }
        UUID receiptId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into reporting_receipt (id, institution_id, return_id, accepted, note, received_at, received_by,
                    received_by_name) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(receiptId, r.institutionId(), id, accepted, note, Timestamp.from(now), caller.actorId(),
                        caller.actorName()).update();
        for (Rejection rejection : rows) {
            jdbc.sql("insert into reporting_rejection (receipt_id, institution_id, return_id, row_no, reason) values (?, ?, ?, ?, ?)")
                    .params(receiptId, r.institutionId(), id, rejection.row(), rejection.reason()).update();
        }
        String status = accepted ? "ACCEPTED" : "REJECTED";
        jdbc.sql("update reporting_return set status = ?, receipt_at = ?, row_version = row_version + 1 where id = ?")
                .params(status, Timestamp.from(now), id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("rejections", rows.size());
        audit.record(AuditRecord.changed("reporting.return.received", "return", id, r.institutionId(),
                Map.of("status", "SUBMITTED"), after));
    }

    private void validateRejections(UUID id, boolean accepted, @Nullable String note, List<Rejection> rows) {
        if (note != null && note.length() > 2000) {
            throw ProblemException.invalid("note", "maxLength", 2000);
        }
        if (accepted && !rows.isEmpty()) {
            throw ProblemException.invalid("rejections", "acceptedWithRejections");
        }
        if (!accepted && rows.isEmpty() && (note == null || note.isBlank())) {
            throw ProblemException.invalid("rejections", "rejectionWithoutReason");
        }
        if (rows.size() > 1000) {
            throw ProblemException.invalid("rejections", "max", 1000);
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Rejection rejection = rows.get(i);
            if (rejection == null || rejection.reason() == null || rejection.reason().isBlank() || rejection.reason().length() > 500) {
                throw ProblemException.invalid("rejections[" + i + "].reason", "required");
            }
            if (!seen.add(rejection.row()) || jdbc.sql("select count(*) from reporting_loan_detail where return_id = ? and row_no = ?")
                    .params(id, rejection.row()).query(Integer.class).single() == 0) {
                throw ProblemException.invalid("rejections[" + i + "].row", "unknownRow", rejection.row());
            }
        }
    }

    private void moveStatus(UUID id, UUID institutionId, String from, String to, String action) {
        jdbc.sql("update reporting_return set status = ?, row_version = row_version + 1 where id = ? and status = ?")
                .params(to, id, from).update();
        audit.record(AuditRecord.changed(action, "return", id, institutionId, Map.of("status", from), Map.of("status", to)));
    }

    /** One return as the caller may see it: an institution its own, the regulator submitted ones; else 404. */
    @Transactional(readOnly = true)
    public ReturnView view(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(ReturnService::row).optional().map(this::named)
                .filter(r -> !org.xiaodai.shared.tenant.TenantWall.current().regionWide() || visibleToRegulator(r))
                .orElseThrow(() -> ProblemException.notFound("return"));
    }

    private ReturnView named(ReturnView r) {
        String name = directory.lender(r.institutionId()).map(org.xiaodai.iam.InstitutionDirectory.Institution::name)
                .orElse(null);
        return new ReturnView(r.id(), r.institutionId(), name, r.period(), r.version(), r.status(), r.asOf(),
                r.collectedOn(), r.dueOn(), r.loans(), r.balance(), r.late(), r.generatedAt(), r.generatedBy(),
                r.submittedAt(), r.submittedBy(), r.receiptAt());
    }

    private static boolean visibleToRegulator(ReturnView r) {
        return !r.status().equals("GENERATED") && !r.status().equals("SUPERSEDED");
    }

    @Transactional(readOnly = true)
    public ReturnDetail detail(UUID id) {
        ReturnView header = view(id);
        BigDecimal score = jdbc.sql("select quality_score from reporting_return where id = ?").param(id)
                .query(BigDecimal.class).single();
        DataQuality dq = quality.results(id, score);
        List<Line> lines = jdbc.sql("""
                select * from reporting_return_line where return_id = ?
                 order by case dimension when 'TOTAL' then 0 when 'GRADE' then 1 when 'STATUS' then 2 when 'DPD' then 3
                          when 'PRODUCT' then 4 when 'TERM' then 5 when 'RATE' then 6 when 'REGION' then 7
                          when 'INDUSTRY' then 8 when 'BORROWER_TYPE' then 9 when 'SECURITY' then 10
                          when 'PROVISION' then 11 when 'FUNDING' then 12 else 13 end,
                          case when dimension = 'TOP_BORROWER' then -balance else 0 end, key""").param(id)
                .query((rs, i) -> new Line(rs.getString("dimension"), rs.getString("key"), rs.getInt("loans"),
                        rs.getBigDecimal("balance"), rs.getBigDecimal("overdue_principal"), rs.getBigDecimal("npl_balance"),
                        rs.getInt("new_loans"), rs.getBigDecimal("new_amount"), rs.getBigDecimal("repaid"))).list();
        List<ReturnView> versions = jdbc.sql(SELECT + " where r.institution_id = ? and r.period = ? order by r.version desc")
                .params(header.institutionId(), header.period()).query(ReturnService::row).list().stream()
                .filter(v -> !org.xiaodai.shared.tenant.TenantWall.current().regionWide() || visibleToRegulator(v)).toList();
        return new ReturnDetail(id, header.status(), header, dq, lines, receipt(id), versions);
    }

    /** Drill-down: the kept failing rows of one data-quality rule of a visible return. */
    @Transactional(readOnly = true)
    public List<ReturnViews.Failure> failures(UUID id, @Nullable String rule) {
        view(id);
        return quality.failures(id, rule);
    }

    @Nullable
    Receipt receipt(UUID returnId) {
        return jdbc.sql("select * from reporting_receipt where return_id = ?").param(returnId)
                .query((rs, i) -> {
                    UUID receiptId = rs.getObject("id", UUID.class);
                    List<Rejection> rejections = jdbc.sql(
                            "select row_no, reason from reporting_rejection where receipt_id = ? order by row_no")
                            .param(receiptId).query((x, j) -> new Rejection(x.getInt(1), x.getString(2))).list();
                    return new Receipt(receiptId, rs.getBoolean("accepted"), rs.getString("note"),
                            rs.getTimestamp("received_at").toInstant(), rs.getString("received_by_name"), rejections);
                }).optional().orElse(null);
    }

    /** The caller's institution's returns, newest period and version first. */
    @Transactional(readOnly = true)
    public List<ReturnView> list() {
        return jdbc.sql(SELECT + " order by r.period desc, r.version desc limit 240").query(ReturnService::row).list();
    }

    /** The regulator's inbox: every submitted, accepted or rejected return of the region, newest first. */
    @Transactional(readOnly = true)
    public List<ReturnView> inbox(@Nullable String status) {
        return jdbc.sql(SELECT + " where r.status in ('SUBMITTED', 'ACCEPTED', 'REJECTED') and (cast(? as text) is null or r.status = ?)"
                        + " order by r.submitted_at desc limit 500")
                .params(status, status).query(ReturnService::row).list().stream().map(this::named).toList();
    }

    /**
     * Institutions whose return for the period before the business date's month is not submitted
     * although due (the 5th has passed): the regulator's late list. One entry per institution.
     */
    @Transactional(readOnly = true)
    public List<Late> late(List<org.xiaodai.iam.InstitutionDirectory.Institution> lenders) {
        List<Late> late = new java.util.ArrayList<>();
        for (var institution : lenders) {
            late(institution.id(), businessDate.of(institution.id())).ifPresent(r -> late.add(new Late(institution.id(),
                    institution.name(), r.period(), r.dueOn(), r.daysLate())));
        }
        return late;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<LateReturn> late(UUID institutionId, LocalDate on) {
        YearMonth period = YearMonth.from(on).minusMonths(1);
        LocalDate due = dueOn(period);
        if (!on.isAfter(due)) {
            return java.util.Optional.empty();
        }
        boolean submitted = jdbc.sql("""
                select count(*) from reporting_return where institution_id = ? and period = ?
                   and status in ('SUBMITTED', 'ACCEPTED')""").params(institutionId, period.toString())
                .query(Integer.class).single() > 0;
        return submitted ? java.util.Optional.empty()
                : java.util.Optional.of(new LateReturn(institutionId, period.toString(), due,
                        (int) (on.toEpochDay() - due.toEpochDay())));
    }

    /** A return not submitted by its due date. */
    public record Late(UUID institutionId, String institutionName, String period, LocalDate dueOn, int daysLate) {
    }

    private static final String SELECT = """
            select r.*, null::text as institution_name from reporting_return r""";

    private static ReturnView row(ResultSet rs, int i) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp receipt = rs.getTimestamp("receipt_at");
        return new ReturnView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("institution_name"), rs.getString("period"), rs.getInt("version"), rs.getString("status"),
                rs.getObject("as_of", LocalDate.class), rs.getObject("collected_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getInt("loans"), rs.getBigDecimal("balance"),
                rs.getBoolean("late"), rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by_name"),
                submitted == null ? null : submitted.toInstant(), rs.getString("submitted_by_name"),
                receipt == null ? null : receipt.toInstant());
    }
}
