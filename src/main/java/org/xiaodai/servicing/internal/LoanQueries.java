package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;
import org.xiaodai.shared.time.BusinessDate;

/**
 * What the loan pages and API read: a loan inside the caller's data scope (branch subtree, own
 * records by the loan officer) or 404, its position as of the institution's business date by the
 * engine, schedule versions, transactions and grade history.
 */
@Service
@Transactional(readOnly = true)
public class LoanQueries {

    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("disbursementDate", true, "disbursementDate",
            "principal", "principalOutstanding", "status", "grade", "contractNumber", "oldestUnpaidDue");

    private final JdbcClient jdbc;
    private final LoanRepository loans;
    private final LoanBook book;
    private final BusinessDate businessDate;

    LoanQueries(JdbcClient jdbc, LoanRepository loans, LoanBook book, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.book = book;
        this.businessDate = businessDate;
    }

    /** A loan row as lists show it. */
    public record LoanListItem(UUID id, String contractNumber, UUID customerId, String customerName, UUID productId,
                               String status, String grade, BigDecimal principal, BigDecimal principalOutstanding,
                               LocalDate disbursementDate, LocalDate maturityDate, LocalDate oldestUnpaidDue,
                               boolean autoDebit, boolean restructured) {
    }

    public PageResult<LoanListItem> page(CurrentUser caller, String status, String grade, ListQuery query) {
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "officer_id");
        return PagedQuery.over(jdbc, """
                        select l.*, c.name as customer_name from servicing_loan l
                        left join customer c on c.id = l.customer_id""")
                .where(visible.sql(), visible.parameters())
                .whereIf(blankToNull(status), "t.status = :status", "status")
                .whereIf(blankToNull(grade), "t.grade = :grade", "grade")
                .search("t.contract_number", "t.customer_name")
                .sortable(Map.of("disbursementDate", "t.disbursement_date", "principal", "t.principal",
                        "principalOutstanding", "t.principal_outstanding", "status", "t.status", "grade", "t.grade",
                        "contractNumber", "t.contract_number", "oldestUnpaidDue", "t.oldest_unpaid_due"))
                .tieBreaker("t.id")
                .fetch(query, (rs, i) -> new LoanListItem(rs.getObject("id", UUID.class), rs.getString("contract_number"),
                        rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                        rs.getObject("product_id", UUID.class), rs.getString("status"), rs.getString("grade"),
                        rs.getBigDecimal("principal"), rs.getBigDecimal("principal_outstanding"),
                        rs.getObject("disbursement_date", LocalDate.class), rs.getObject("maturity_date", LocalDate.class),
                        rs.getObject("oldest_unpaid_due", LocalDate.class), rs.getBoolean("auto_debit"),
                        rs.getBoolean("restructured")));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Refuses with 404 a loan outside the caller's data scope (or tenant wall). */
    public void requireVisible(CurrentUser caller, UUID id) {
        visible(caller, id);
    }

    /** The loan if the caller's scope reaches it, else 404 (existence is not revealed). */
    LoanRow visible(CurrentUser caller, UUID id) {
        DataScope.Predicate visible = caller.scope().predicate("l", "branch_path", "officer_id");
        boolean inScope = jdbc.sql("select count(*) from servicing_loan l where l.id = :id and " + visible.sql())
                .param("id", id).params(visible.parameters()).query(Integer.class).single() > 0;
        if (!inScope) {
            throw ProblemException.notFound("loan");
        }
        return loans.find(id).orElseThrow(() -> ProblemException.notFound("loan"));
    }

    /** The loan's figures as of its institution's business date. */
    public record LoanDetail(UUID id, UUID institutionId, String contractNumber, UUID customerId, String customerName,
                             UUID productId, int productVersion, String currency, BigDecimal principal,
                             BigDecimal annualInterestRatePercent, int numberOfRepayments, String status,
                             long daysPastDue, String grade, String gradeByDaysPastDue, String manualGrade,
                             BigDecimal principalOutstanding, BigDecimal overduePrincipal, BigDecimal overdueInterest,
                             BigDecimal penaltyOutstanding, BigDecimal accruedInterest, BigDecimal credit,
                             LocalDate businessDate, LocalDate disbursementDate, LocalDate maturityDate,
                             int scheduleVersion, boolean autoDebit, boolean restructured, LocalDate watchUntil,
                             LocalDate writtenOffOn, BigDecimal recovered, LoanPosition position) {
    }

    public LoanDetail detail(CurrentUser caller, UUID id) {
        LoanRow loan = visible(caller, id);
        LocalDate today = businessDate.of(loan.institutionId());
        String customerName = jdbc.sql("select name from customer where id = ?").param(loan.customerId())
                .query(String.class).optional().orElse(null);
        BigDecimal zero = BigDecimal.ZERO.setScale(loan.digits());
        if (loan.disbursementDate() == null || loan.status() == LoanState.WRITTEN_OFF) {
            return new LoanDetail(loan.id(), loan.institutionId(), loan.contractNumber(), loan.customerId(), customerName,
                    loan.productId(), loan.productVersion(), loan.currency(), loan.principal(),
                    loan.terms().annualInterestRatePercent(), loan.terms().numberOfRepayments(), loan.status().name(), 0,
                    loan.grade().name(), loan.grade().name(), name(loan.manualGrade()),
                    zero, zero, zero, zero, zero, zero, today, loan.disbursementDate(), loan.maturityDate(),
                    loan.scheduleVersion(), loan.autoDebit(), loan.restructured(), loan.watchUntil(),
                    loan.writtenOffOn(), loan.recovered(), null);
        }
        LoanBook.Derived d = book.derive(loan, today);
        LoanPosition p = d.position();
        return new LoanDetail(loan.id(), loan.institutionId(), loan.contractNumber(), loan.customerId(), customerName,
                loan.productId(), loan.productVersion(), loan.currency(), loan.principal(),
                loan.terms().annualInterestRatePercent(), loan.terms().numberOfRepayments(), d.status().name(),
                p.daysPastDue(), d.grade().name(), p.grade().name(), name(loan.manualGrade()), p.principalOutstanding(),
                p.overduePrincipal(), p.overdueInterest(), p.penaltyOutstanding(), p.accruedInterest(), p.credit(), today,
                loan.disbursementDate(), loan.maturityDate(), loan.scheduleVersion(), loan.autoDebit(),
                loan.restructured(), loan.watchUntil(), loan.writtenOffOn(), loan.recovered(), p);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    public record ScheduleVersion(int version, String reason, LocalDate effectiveDate, boolean current,
                                  List<Installment> installments) {
    }

    public List<ScheduleVersion> schedules(CurrentUser caller, UUID id) {
        LoanRow loan = visible(caller, id);
        return jdbc.sql("select version, reason, effective_date from servicing_schedule_version where loan_id = ? order by version")
                .param(id).query((rs, i) -> new ScheduleVersion(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getInt(1) == loan.scheduleVersion(),
                        loans.rows(id, rs.getInt(1), loan.digits()))).list();
    }

    public ScheduleVersion schedule(CurrentUser caller, UUID id) {
        return schedules(caller, id).stream().filter(ScheduleVersion::current).findFirst().orElseThrow();
    }

    public List<BookedTransaction> transactions(CurrentUser caller, UUID id) {
        visible(caller, id);
        return loans.transactions(id);
    }

    public record GradeChange(LocalDate changedOn, String fromGrade, String toGrade, String reason,
                              @org.jspecify.annotations.Nullable String note) {
    }

    public List<GradeChange> grades(CurrentUser caller, UUID id) {
        visible(caller, id);
        return jdbc.sql("""
                select changed_on, from_grade, to_grade, reason, note from servicing_grade_change
                where loan_id = ? order by changed_on, created_at
                """).param(id).query((rs, i) -> new GradeChange(rs.getObject(1, LocalDate.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    Optional<LoanRow> find(UUID id) {
        return loans.find(id);
    }
}
