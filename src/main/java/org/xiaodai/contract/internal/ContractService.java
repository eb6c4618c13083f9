package org.xiaodai.contract.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.contract.ContractRequested;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.platform.web.EntityNames;
import org.xiaodai.product.Disbursement;
import org.xiaodai.product.LoanOffer;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issues contracts for approved applications (text rendered from the template, number assigned,
 * exact text stored with its version and hash), shows them, and records the borrower's acceptance,
 * which hands the loan to servicing ({@link ContractAccepted}, same transaction).
 */
@Service
public class ContractService {

    private final JdbcClient jdbc;
    private final Products products;
    private final Customers customers;
    private final List<EntityNames> names;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final JsonMapper json;
    private final LoanCalculator calculator = new LoanCalculator();

    ContractService(JdbcClient jdbc, Products products, Customers customers, List<EntityNames> names, AuditTrail audit,
                    ApplicationEventPublisher events, BusinessDate businessDate, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.products = products;
        this.customers = customers;
        this.names = names;
        this.audit = audit;
        this.events = events;
        this.businessDate = businessDate;
        this.clock = clock;
        this.json = json;
    }

    /** Issues the contract of an approved application under the id the request chose. */
    @EventListener
    @Transactional
    public void on(ContractRequested r) {
        ProductVersion version = products.version(r.productId(), r.productVersion())
                .orElseThrow(() -> new IllegalStateException("product version gone: " + r.productId()));
        LocalDate today = today(r.institutionId());
        LoanTerms terms = version.definition().scheduleConventions().terms(r.amount(), r.annualInterestRatePercent(),
                r.numberOfRepayments(), today);
        Schedule schedule = calculator.schedule(terms).value();
        Disbursement disbursement = products.disbursement(version, new LoanOffer(r.amount(), r.numberOfRepayments(),
                r.annualInterestRatePercent(), null));
        List<Fee> fees = new ArrayList<>();
        disbursement.chargedAtDisbursement().forEach(c -> fees.add(Fee.upfront(c.amount())));
        disbursement.chargedPerInstallment().forEach(c -> fees.add(Fee.eachInstallment(c.amount())));
        Outcome<AnnualRate> rate = calculator.annualRate(schedule, fees);
        BigDecimal apr = rate.isSuccess() ? rate.value().aprPercent(2) : r.annualInterestRatePercent();
        BigDecimal upfront = disbursement.chargedAtDisbursement().stream().map(Disbursement.Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        CustomerProfile borrower = customers.profile(r.customerId())
                .orElseThrow(() -> new IllegalStateException("customer gone: " + r.customerId()));
        String number = nextNumber(r.institutionId(), today.getYear());
        String text = ContractText.render(new ContractText.Facts(number, lenderName(r.institutionId()), borrower.name(),
                borrower.idNumberMasked(), r.amount(), r.purpose(), version.definition(), r.numberOfRepayments(),
                r.annualInterestRatePercent(), apr, upfront, schedule, today, r.collateral(), r.guarantors(),
                r.conditions()));
        jdbc.sql("""
                insert into contract (id, institution_id, contract_number, application_id, customer_id, product_id,
                    product_version, branch_id, branch_path, officer_id, principal, annual_rate_percent,
                    annual_percentage_rate, number_of_repayments, upfront_fees, terms, policy, status, text_version,
                    text_body, text_sha256, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'ISSUED', ?, ?, ?, ?)""")
                .params(r.contractId(), r.institutionId(), number, r.applicationId(), r.customerId(), r.productId(),
                        r.productVersion(), r.branchId(), r.branchPath(), r.officerId(), r.amount(),
                        r.annualInterestRatePercent(), apr, r.numberOfRepayments(), upfront, json.writeValueAsString(terms),
                        json.writeValueAsString(policy(version)), ContractText.VERSION, text, Sha256.hex(text),
                        Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.created("contract.issued", "contract", r.contractId(), r.institutionId(),
                Map.of("contractNumber", number, "applicationId", r.applicationId().toString(), "principal", r.amount(),
                        "annualPercentageRate", apr, "textVersion", ContractText.VERSION, "textSha256", Sha256.hex(text))));
    }

    @Transactional(readOnly = true)
    public ContractView view(CurrentUser caller, UUID id) {
        return row(caller.scope(), id);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(CurrentUser caller, UUID id) {
        ContractView c = row(caller.scope(), id);
        return ContractPdf.render(c.text(), c.contractNumber());
    }

    /**
     * Records the borrower's acceptance (the e-signature hook): time, client address and the text
     * version accepted; opens the loan through servicing in this transaction. Accepting again answers
     * with the same loan.
     */
    @Transactional
    public ContractView accept(CurrentUser caller, UUID id, String textVersion, boolean autoDebit, String clientAddress) {
        record Parties(UUID institutionId, UUID productId, int productVersion, UUID applicationId, UUID branchId,
                       UUID officerId, UUID customerId, String number) {
        }
        record Locked(ContractView view, Parties parties) {
        }
        // the contract and its parties from the one locking read
        DataScope.Predicate visible = caller.scope().predicate("c", "branch_path", "officer_id");
        Locked locked = jdbc.sql("select c.* from contract c where c.id = :id and " + visible.sql() + " for update")
                .params(visible.parameters()).param("id", id)
                .query((rs, n) -> new Locked(view(rs, n), new Parties(rs.getObject("institution_id", UUID.class),
                        rs.getObject("product_id", UUID.class), rs.getInt("product_version"),
                        rs.getObject("application_id", UUID.class), rs.getObject("branch_id", UUID.class),
                        rs.getObject("officer_id", UUID.class), rs.getObject("customer_id", UUID.class),
                        rs.getString("contract_number")))).optional()
                .orElseThrow(() -> ProblemException.notFound("contract"));
        ContractView c = locked.view();
        if ("ACCEPTED".equals(c.status())) {
            return c;
        }
        if (textVersion != null && !textVersion.equals(c.textVersion())) {
            throw ProblemException.invalid("textVersion", "oneOf", c.textVersion());
        }
        Parties p = locked.parties();
        ProductVersion version = products.version(p.productId(), p.productVersion())
                .orElseThrow(() -> ProblemException.notFound("product"));
        UUID institution = p.institutionId();
        LocalDate today = today(institution);
        LoanTerms terms = version.definition().scheduleConventions().terms(c.principal(), c.annualInterestRatePercent(),
                c.numberOfRepayments(), today);
        UUID loanId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                update contract set status = 'ACCEPTED', accepted_at = ?, accepted_address = ?, accepted_text_version = ?,
                    accepted_by = ?, auto_debit = ?, loan_id = ? where id = ?""")
                .params(Timestamp.from(now), clientAddress, c.textVersion(), caller.userId(), autoDebit, loanId, id).update();
        audit.record(AuditRecord.changed("contract.accepted", "contract", id, institution, Map.of("status", "ISSUED"),
                Map.of("status", "ACCEPTED", "loanId", loanId.toString(), "textVersion", c.textVersion(),
                        "clientAddress", String.valueOf(clientAddress), "autoDebit", autoDebit)));
        events.publishEvent(new ContractAccepted(id, p.number(), loanId, p.applicationId(), institution, p.branchId(),
                p.officerId(), p.customerId(), p.productId(), p.productVersion(), terms, policy(version), c.upfrontFees(),
                autoDebit, now));
        // the row as the update left it, without reading it again (timestamps as stored: microseconds)
        Instant stored = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new ContractView(c.id(), c.contractNumber(), c.applicationId(), c.customerId(), "ACCEPTED", c.principal(),
                c.annualInterestRatePercent(), c.annualPercentageRate(), c.numberOfRepayments(), c.upfrontFees(),
                c.textVersion(), c.textSha256(), c.text(), c.issuedAt(), stored, clientAddress, c.textVersion(), autoDebit,
                loanId);
    }

    static ServicingPolicy policy(ProductVersion version) {
        var p = version.definition().servicingPolicy();
        return new ServicingPolicy(p.penaltyRateMultiplier(), p.penaltyDaysInYear(), p.graceDays(),
                p.compoundOverdueInterest(), GradeTable.valueOf(p.classification().name()));
    }

    private ContractView row(DataScope scope, UUID id) {
        DataScope.Predicate visible = scope.predicate("c", "branch_path", "officer_id");
        return jdbc.sql("select c.* from contract c where c.id = :id and " + visible.sql())
                .params(visible.parameters()).param("id", id).query(ContractService::view).optional()
                .orElseThrow(() -> ProblemException.notFound("contract"));
    }

    private static ContractView view(ResultSet rs, int n) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new ContractView(rs.getObject("id", UUID.class), rs.getString("contract_number"),
                rs.getObject("application_id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("status"),
                rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate_percent"),
                rs.getBigDecimal("annual_percentage_rate").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getInt("number_of_repayments"), rs.getBigDecimal("upfront_fees"),
                rs.getString("text_version"), rs.getString("text_sha256"), rs.getString("text_body"),
                rs.getTimestamp("issued_at").toInstant(), accepted == null ? null : accepted.toInstant(),
                rs.getString("accepted_address"), rs.getString("accepted_text_version"),
                (Boolean) rs.getObject("auto_debit"), rs.getObject("loan_id", UUID.class));
    }

    /** {@code <institution code>-<year>-<000001>}, gap-free per institution and year. */
    private String nextNumber(UUID institution, int year) {
        int next = jdbc.sql("""
                insert into contract_number_sequence (institution_id, year, last_value) values (?, ?, 1)
                on conflict (institution_id, year) do update set last_value = contract_number_sequence.last_value + 1
                returning last_value""").params(institution, year).query(Integer.class).single();
        String code = names.stream().map(n -> n.names(EntityNames.ORGANISATION_CODE, List.of(institution.toString())))
                .map(m -> m.get(institution.toString())).filter(java.util.Objects::nonNull).findFirst().orElse("XD");
        return code + "-" + year + "-" + String.format("%06d", next);
    }

    /** The lender's registered name, in Chinese whatever the requester's language (the contract is Chinese). */
    private String lenderName(UUID institution) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            return names.stream().map(n -> n.names("organisation", List.of(institution.toString())))
                    .map(m -> m.get(institution.toString())).filter(java.util.Objects::nonNull).findFirst().orElse("");
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    private LocalDate today(UUID institution) {
        try {
            return businessDate.of(institution);
        } catch (NoSuchElementException e) {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }
    }
}
