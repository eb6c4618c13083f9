package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.Approvals;
import org.xiaodai.approval.CaseView;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.origination.domain.Flag;
import org.xiaodai.product.Products;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

import tools.jackson.databind.json.JsonMapper;

/** Reads applications for the API and the pages, with flags and reasons in the reader's language. */
@Component
public class ApplicationReader {

    /** How lists sort: newest first by default. */
    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("created", true, "created", "amount", "status");

    private final ApplicationStore store;
    private final Customers customers;
    private final Products products;
    private final Approvals approvals;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationReader(ApplicationStore store, Customers customers, Products products, Approvals approvals,
                      MessageSource messages, JdbcClient jdbc, JsonMapper json) {
        this.store = store;
        this.customers = customers;
        this.products = products;
        this.approvals = approvals;
        this.messages = messages;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public ApplicationView view(CurrentUser caller, UUID id) {
        ApplicationStore.Row row = store.inScope(caller.scope(), id);
        var version = products.version(row.productId(), row.productVersion());
        String customerName = row.customerName();
        List<ApplicationView.FlagLine> flags = row.flags().stream().map(this::line).toList();
        List<ApplicationView.FlagLine> reasons = new ArrayList<>();
        for (String code : row.declineReasons()) {
            reasons.add(row.flags().stream().filter(f -> f.code().equals(code)).findFirst().map(this::line)
                    .orElseGet(() -> new ApplicationView.FlagLine(code, message("origination.reason." + code, code))));
        }
        ApplicationView.Score score = null;
        if (row.score() != null) {
            Map<String, Object> s = row.score();
            score = new ApplicationView.Score(((Number) s.get("score")).intValue(), String.valueOf(s.get("grade")),
                    new BigDecimal(String.valueOf(s.get("probabilityOfDefault"))),
                    ((List<?>) s.get("reasons")).stream().map(String::valueOf).toList(), String.valueOf(s.get("model")));
        }
        CaseView current = approvals.currentCase(id);
        List<ApplicationView.CollateralLine> collateral = store.collateral(row).stream()
                .map(c -> new ApplicationView.CollateralLine(c.type().name(), c.description(), c.valuation(),
                        c.valuationDate(), c.type().loanToValueLimit())).toList();
        List<ApplicationView.GuarantorLine> guarantors = store.guarantors(row).stream()
                .map(g -> new ApplicationView.GuarantorLine(g, customers.profile(g).map(CustomerProfile::name).orElse("")))
                .toList();
        return new ApplicationView(row.id(), row.status(), row.customerId(), customerName, row.productId(),
                row.productVersion(), version.map(v -> v.definition().name()).orElse(""), row.amount(),
                row.numberOfRepayments(), row.annualRatePercent(), row.annualPercentageRate(), row.purpose(), row.channel(),
                row.answers(), row.documents(),
                version.map(v -> SubmissionAssessment.missingDocuments(v, row.documents())).orElse(List.of()), collateral,
                guarantors, score, flags, approvals.trail(id), current == null ? null : current.route(),
                current == null ? null : current.openLevel(), row.approvedAmount(), row.approvedRatePercent(),
                row.conditions(), reasons, row.humanReviewRequestedAt() != null,
                row.bureauJson() == null ? null : json.readValue(row.bureauJson(), BureauReport.class),
                investigations(id), row.contractId(), row.loanId(), row.ownerId(), row.createdAt(), row.submittedAt(),
                row.decidedAt());
    }

    /** One line of a list. */
    public record Summary(UUID id, String status, UUID customerId, String customerName, String productName,
                          BigDecimal amount, int numberOfRepayments, String channel,
                          java.lang.@org.jspecify.annotations.Nullable String grade, int flags,
                          java.time.Instant createdAt) {
    }

    /** A page of the applications in the caller's scope, optionally of one status. */
    @Transactional(readOnly = true)
    public PageResult<Summary> page(CurrentUser caller, String status, ListQuery query) {
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "owner_id");
        PagedQuery paged = PagedQuery.over(jdbc, """
                select a.id, a.status, a.customer_id, a.customer_name, a.product_id, a.product_version, a.amount,
                       a.number_of_repayments, a.channel, a.score->>'grade' as grade, jsonb_array_length(a.flags) as flags,
                       a.created_at, a.institution_id, a.branch_path, a.owner_id
                from origination_application a""")
                .where(visible.sql(), visible.parameters());
        if (status != null && !status.isBlank()) {
            paged = paged.where("t.status = :status", Map.of("status", status.strip().toUpperCase()));
        }
        return paged.search("t.customer_name", "t.status")
                .sortable(Map.of("created", "t.created_at", "amount", "t.amount", "status", "t.status"))
                .tieBreaker("t.id")
                .fetch(query, (rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("status"),
                        rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                        products.version(rs.getObject("product_id", UUID.class), rs.getInt("product_version"))
                                .map(v -> v.definition().name()).orElse(""),
                        rs.getBigDecimal("amount"), rs.getInt("number_of_repayments"), rs.getString("channel"),
                        rs.getString("grade"), rs.getInt("flags"), rs.getTimestamp("created_at").toInstant()));
    }

    private List<ApplicationView.Investigation> investigations(UUID id) {
        return jdbc.sql("""
                select id, visit_date, findings, attachments::text, created_by, created_at
                from origination_investigation where application_id = ? order by created_at""").param(id)
                .query((rs, n) -> new ApplicationView.Investigation(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class), rs.getString(3),
                        ((List<?>) json.readValue(rs.getString(4), List.class)).stream().map(String::valueOf).toList(),
                        rs.getObject(5, UUID.class), ((Timestamp) rs.getTimestamp(6)).toInstant())).list();
    }

    private ApplicationView.FlagLine line(Flag flag) {
        return new ApplicationView.FlagLine(flag.code(), messages.getMessage("origination.flag." + flag.code(),
                flag.args().toArray(), flag.code(), LocaleContextHolder.getLocale()));
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
