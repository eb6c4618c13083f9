package org.xiaodai.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.xiaodai.iam.DataScope;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

/**
 * The last step of the drill-down: an institution's loans on the books behind a chart's bar — by
 * grade, region (city), industry, product or days-past-due bucket — paged, searched and sorted on the
 * analytics connection inside the caller's tenant wall and data scope.
 */
@Service
public class LoanDrillDown {

    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("balance", true, "balance", "dpd", "disbursed",
            "contract", "grade");
    /** Days-past-due buckets a list may be filtered by. */
    public static final Map<String, String> BUCKETS = Map.of("current", "t.dpd = 0", "1-30", "t.dpd between 1 and 30",
            "31-60", "t.dpd between 31 and 60", "61-90", "t.dpd between 61 and 90", "91-180", "t.dpd between 91 and 180",
            "181+", "t.dpd > 180");

    private static final String SELECT = """
            select l.id, l.institution_id, l.branch_path, l.officer_id, l.contract_number, c.name as borrower, p.code as product,
                   coalesce(substr(c.region_code, 1, 4) || '00', '-') as region, coalesce(c.industry_code, '-') as industry,
                   l.grade, l.status, l.principal, l.principal_outstanding, l.disbursement_date,
                   case when l.oldest_unpaid_due is not null and l.oldest_unpaid_due < :asOf then :asOf - l.oldest_unpaid_due else 0 end as dpd
            from servicing_loan l left join customer c on c.id = l.customer_id left join product p on p.id = l.product_id
            where l.status in ('ACTIVE', 'OVERDUE') and l.disbursement_date is not null and l.institution_id = :institution""";

    private final AnalyticsReads reads;
    private final Clock clock;

    LoanDrillDown(AnalyticsReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @Schema(name = "AnalyticsLoanLine", description = "A loan on the books behind a dashboard figure.")
    public record LoanLine(UUID id, @Nullable String contractNumber, @Nullable String borrower, @Nullable String product,
                          String region, String industry, String grade, String status, String principal,
                          String principalOutstanding, @Nullable LocalDate disbursementDate, long daysPastDue) {
    }

    /** Filters as typed; blank means any. */
    public record Filters(@Nullable String grade, @Nullable String region, @Nullable String industry,
                          @Nullable String product, @Nullable String bucket) {
    }

    /** One page of the institution's loans matching {@code filters}; {@code scope} from {@link Charts#institution}. */
    public PageResult<LoanLine> page(Charts.Scope scope, Filters filters, ListQuery query) {
        String bucket = blank(filters.bucket());
        if (bucket != null && !BUCKETS.containsKey(bucket)) {
            throw ProblemException.invalid("bucket", "oneOf", String.join(", ", BUCKETS.keySet().stream().sorted().toList()));
        }
        DataScope.Predicate visible = scope.visible("t");
        LocalDate asOf = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return reads.read(jdbc -> {
            PagedQuery paged = PagedQuery.over(jdbc, SELECT)
                    .where("true", Map.of("asOf", Date.valueOf(asOf), "institution", scope.institutionId()))
                    .where(visible.sql(), visible.parameters())
                    .whereIf(blank(filters.grade()), "t.grade = :grade", "grade")
                    .whereIf(blank(filters.region()), "t.region = :region", "region")
                    .whereIf(blank(filters.industry()), "t.industry = :industry", "industry")
                    .whereIf(blank(filters.product()), "t.product = :product", "product");
            if (bucket != null) {
                paged = paged.where(BUCKETS.get(bucket), Map.of());
            }
            return paged.search("t.contract_number", "t.borrower")
                    .sortable(Map.of("balance", "t.principal_outstanding", "dpd", "t.dpd", "disbursed", "t.disbursement_date",
                            "contract", "t.contract_number", "grade", "t.grade"))
                    .tieBreaker("t.id")
                    .fetch(query, (rs, n) -> new LoanLine(rs.getObject("id", UUID.class), rs.getString("contract_number"),
                            rs.getString("borrower"), rs.getString("product"), rs.getString("region"), rs.getString("industry"),
                            rs.getString("grade"), rs.getString("status"), plain(rs.getBigDecimal("principal")),
                            plain(rs.getBigDecimal("principal_outstanding")), rs.getObject("disbursement_date", LocalDate.class),
                            rs.getLong("dpd")));
        });
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
