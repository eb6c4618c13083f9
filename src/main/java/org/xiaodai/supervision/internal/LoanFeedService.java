package org.xiaodai.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

/**
 * The real-time feed of loan events as the regulator reads it (every institution of the region) and
 * an institution reads its own: newest first, filtered by institution and kind, searched by contract
 * number. The tenant wall decides what a caller sees; an institution filter naming another institution
 * simply finds nothing.
 */
@Service
public class LoanFeedService {

    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("recorded", true, "recorded", "date", "kind",
            "amount");
    /** The kinds of event in the feed. */
    public enum Kind { NEW_LOAN, REPAYMENT, OVERDUE, GRADE_CHANGE, WRITE_OFF }

    private static final String SELECT = """
            select e.id, e.institution_id, o.code as institution_code, o.name as institution_name, e.seq, e.loan_id,
                   e.contract_number, e.kind, e.business_date, e.amount, e.from_grade, e.to_grade, e.days_past_due, e.recorded_at
            from supervision_loan_event e join iam_organisation o on o.id = e.institution_id""";

    private final JdbcClient jdbc;

    LoanFeedService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(description = "One loan event of the real-time feed (实时数据): a new loan, a repayment, a loan turning overdue, "
            + "a grade change or a write-off, recorded as its transaction committed.")
    public record LoanEventView(UUID id, UUID institutionId, @Schema(example = "HZXD") String institutionCode,
                                String institutionName, UUID loanId, @Nullable String contractNumber,
                                @Schema(allowableValues = {"NEW_LOAN", "REPAYMENT", "OVERDUE", "GRADE_CHANGE", "WRITE_OFF"})
                                String kind, LocalDate businessDate,
                                @Schema(description = "Principal paid out, amount repaid, amount overdue or principal written off.",
                                        example = "30000.00") @Nullable String amount,
                                @Nullable String fromGrade, @Nullable String toGrade, @Nullable Long daysPastDue,
                                Instant recordedAt) {
    }

    /** One page of the feed the caller may see. */
    @Transactional(readOnly = true)
    public PageResult<LoanEventView> page(CurrentUser caller, ListQuery query, @Nullable String institution, @Nullable String kind) {
        DataScope.Predicate visible = caller.scope().predicate("t", null, null);
        UUID institutionId = null;
        if (institution != null && !institution.isBlank()) {
            try {
                institutionId = UUID.fromString(institution.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("institutionId", "format");
            }
        }
        String only = null;
        if (kind != null && !kind.isBlank()) {
            only = kind.strip().toUpperCase(Locale.ROOT);
            try {
                Kind.valueOf(only);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("kind", "oneOf", String.join(", ", java.util.Arrays.stream(Kind.values()).map(Enum::name).toList()));
            }
        }
        return PagedQuery.over(jdbc, SELECT)
                .where(visible.sql(), visible.parameters())
                .whereIf(institutionId, "t.institution_id = :institution", "institution")
                .whereIf(only, "t.kind = :kind", "kind")
                .search("t.contract_number", "t.institution_code")
                .sortable(Map.of("recorded", "t.seq", "date", "t.business_date", "kind", "t.kind", "amount", "t.amount"))
                .tieBreaker("t.seq")
                .fetch(query, (rs, n) -> new LoanEventView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                        rs.getString("institution_code"), rs.getString("institution_name"), rs.getObject("loan_id", UUID.class),
                        rs.getString("contract_number"), rs.getString("kind"), rs.getObject("business_date", LocalDate.class),
                        rs.getBigDecimal("amount") == null ? null : rs.getBigDecimal("amount").toPlainString(),
                        rs.getString("from_grade"), rs.getString("to_grade"),
                        rs.getObject("days_past_due") == null ? null : rs.getLong("days_past_due"),
                        rs.getTimestamp("recorded_at").toInstant()));
    }
}
