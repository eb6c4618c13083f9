package org.xiaodai.portal.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.contract.BorrowerContracts;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.origination.OnlineApplications;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.servicing.BorrowerLoans;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.Complaints;

/**
 * The borrower's own data across the institutions where they are a customer. Every call runs in
 * one transaction per institution, inside that institution's tenant wall, and asks the other
 * modules' borrower facades about that institution's customer record only; an id that is not the
 * borrower's in any of their institutions is a 404, exactly like an id that does not exist.
 */
@Service
public class Portal {

    /** The text versions of the separate consents the portal shows (DOMAIN.md §8). */
    public static final String CONSENT_TEXT_VERSION = "portal-2026-12";

    private final Borrowers borrowers;
    private final TransactionTemplate transactions;
    private final BorrowerLoans loans;
    private final Loans loanFacts;
    private final OnlineApplications applications;
    private final BorrowerContracts contracts;
    private final Customers customers;
    private final Complaints complaints;
    private final Products products;
    private final InstitutionDirectory institutions;

    Portal(Borrowers borrowers, TransactionTemplate transactions, BorrowerLoans loans, Loans loanFacts,
           OnlineApplications applications, BorrowerContracts contracts, Customers customers, Complaints complaints,
           Products products, InstitutionDirectory institutions) {
        this.borrowers = borrowers;
        this.transactions = transactions;
        this.loans = loans;
        this.loanFacts = loanFacts;
        this.applications = applications;
        this.contracts = contracts;
        this.customers = customers;
        this.complaints = complaints;
        this.products = products;
        this.institutions = institutions;
    }

    /** An institution where the borrower is a customer, by name. */
    public record PortalLender(UUID institutionId, String name, UUID customerId, boolean bureauConsent, boolean sharingConsent) {
    }

    public record PortalLoan(UUID institutionId, String lender, Loans.LoanSummary loan,
                           BorrowerLoans.@org.jspecify.annotations.Nullable BorrowerDue due) {
    }

    public record PortalLoanDetail(PortalLoan item, List<org.xiaodai.calc.Installment> schedule,
                             List<BorrowerLoans.BorrowerStatementLine> statement) {
    }

    public record PortalProduct(UUID institutionId, String lender, UUID productId, String code, String name,
                               BigDecimal minAmount, BigDecimal maxAmount, int minRepayments, int maxRepayments,
                               BigDecimal annualInterestRatePercent, BigDecimal lowestApr, BigDecimal highestApr) {
    }

    public List<PortalLender> lenders(BorrowerPrincipal b) {
        return each(b, link -> new PortalLender(link.institutionId(), name(link.institutionId()), link.customerId(),
                customers.hasLiveConsent(link.customerId(), ConsentPurpose.CREDIT_BUREAU_QUERY),
                customers.hasLiveConsent(link.customerId(), ConsentPurpose.DATA_SHARING)));
    }

    public void consent(BorrowerPrincipal b, UUID institutionId, ConsentPurpose purpose, String textVersion) {
        if (!CONSENT_TEXT_VERSION.equals(textVersion)) {
            throw ProblemException.invalid("textVersion", "oneOf", CONSENT_TEXT_VERSION);
        }
        in(b, institutionId, link -> {
            customers.recordOwnConsent(link.customerId(), purpose, textVersion, b.displayName());
            return true;
        });
    }

    public List<PortalLoan> loans(BorrowerPrincipal b) {
        List<PortalLoan> all = new ArrayList<>();
        each(b, link -> loans.ofCustomer(link.customerId()).stream()
                .map(l -> new PortalLoan(link.institutionId(), name(link.institutionId()), l, loans.due(l.id()).orElse(null))).toList())
                .forEach(all::addAll);
        return all;
    }

    public PortalLoanDetail loan(BorrowerPrincipal b, UUID loanId) {
        return find(b, link -> ownLoan(link, loanId).map(l -> new PortalLoanDetail(
                new PortalLoan(link.institutionId(), name(link.institutionId()), l, loans.due(loanId).orElse(null)),
                loans.schedule(loanId), loans.statement(loanId)))).orElseThrow(() -> ProblemException.notFound("loan"));
    }

    public BorrowerLoans.BorrowerPayoffQuote payoffQuote(BorrowerPrincipal b, UUID loanId) {
        return find(b, link -> ownLoan(link, loanId).map(l -> loans.payoffQuote(loanId)))
                .orElseThrow(() -> ProblemException.notFound("loan"));
    }

    /** kind: REPAYMENT, PREPAYMENT or PAYOFF. */
    public BorrowerLoans.BorrowerPayment pay(BorrowerPrincipal b, UUID loanId, String kind, BigDecimal amount, String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw ProblemException.invalid("idempotencyKey", key == null || key.isBlank() ? "required" : "maxLength", 100);
        }
        String scopedKey = "portal:" + b.borrowerId() + ":" + key;
        return find(b, link -> ownLoan(link, loanId).map(l -> switch (kind == null ? "" : kind) {
            case "REPAYMENT" -> loans.repay(loanId, amount, scopedKey);
            case "PREPAYMENT" -> loans.prepay(loanId, amount, scopedKey);
            case "PAYOFF" -> loans.payoff(loanId, scopedKey);
            default -> throw ProblemException.invalid("kind", "oneOf", "REPAYMENT, PREPAYMENT, PAYOFF");
        })).orElseThrow(() -> ProblemException.notFound("loan"));
    }

    public List<PortalProduct> products(BorrowerPrincipal b) {
        List<PortalProduct> all = new ArrayList<>();
        each(b, link -> products.current().stream().filter(p -> !p.rateCapExceeded()).map(p -> offer(link, p)).toList())
                .forEach(all::addAll);
        return all;
    }

    public OnlineApplications.OnlineQuote quote(BorrowerPrincipal b, UUID productId, BigDecimal amount, int n) {
        return find(b, link -> product(productId).map(p -> applications.quote(productId, amount, n,
                p.definition().minAnnualInterestRatePercent()))).orElseThrow(() -> ProblemException.notFound("product"));
    }

    public UUID apply(BorrowerPrincipal b, UUID productId, BigDecimal amount, int n, String purpose,
                      java.util.Map<String, Object> answers, List<String> documents, String key, String clientAddress) {
        String scopedKey = key == null || key.isBlank() ? null : "portal:" + b.borrowerId() + ":" + key;
        return find(b, link -> product(productId).map(p -> applications.apply(new OnlineApplications.OnlineApplication(
                link.customerId(), productId, amount, n, p.definition().minAnnualInterestRatePercent(), purpose, answers, documents,
                scopedKey, clientAddress, b.displayName())))).orElseThrow(() -> ProblemException.notFound("product"));
    }

    public List<OnlineApplications.OnlineProgress> applications(BorrowerPrincipal b) {
        List<OnlineApplications.OnlineProgress> all = new ArrayList<>();
        each(b, link -> applications.ofCustomer(link.customerId())).forEach(all::addAll);
        return all;
    }

    public OnlineApplications.OnlineProgress application(BorrowerPrincipal b, UUID id) {
        return find(b, link -> applications.ofCustomer(link.customerId(), id))
                .orElseThrow(() -> ProblemException.notFound("application"));
    }

    public void requestHumanReview(BorrowerPrincipal b, UUID id) {
        find(b, link -> applications.ofCustomer(link.customerId(), id).map(a -> {
            applications.requestHumanReview(link.customerId(), id);
            return true;
        })).orElseThrow(() -> ProblemException.notFound("application"));
    }

    public List<BorrowerContracts.BorrowerContract> contracts(BorrowerPrincipal b) {
        List<BorrowerContracts.BorrowerContract> all = new ArrayList<>();
        each(b, link -> contracts.ofCustomer(link.customerId())).forEach(all::addAll);
        return all;
    }

    public BorrowerContracts.BorrowerContract contract(BorrowerPrincipal b, UUID id) {
        return find(b, link -> contracts.ofCustomer(link.customerId(), id))
                .orElseThrow(() -> ProblemException.notFound("contract"));
    }

    public byte[] contractPdf(BorrowerPrincipal b, UUID id) {
        return find(b, link -> contracts.pdf(link.customerId(), id)).orElseThrow(() -> ProblemException.notFound("contract"));
    }

    public BorrowerContracts.BorrowerContract accept(BorrowerPrincipal b, UUID id, String textVersion, boolean autoDebit,
                                             String clientAddress) {
        return find(b, link -> contracts.ofCustomer(link.customerId(), id).map(c -> contracts.accept(link.customerId(), id,
                textVersion, autoDebit, clientAddress, b.displayName())))
                .orElseThrow(() -> ProblemException.notFound("contract"));
    }

    public UUID upload(BorrowerPrincipal b, UUID institutionId, String category, String fileName, byte[] content) {
        return in(b, institutionId, link -> customers.addOwnDocument(link.customerId(), category, fileName, content,
                b.displayName()));
    }

    public List<Customers.OwnDocument> documents(BorrowerPrincipal b) {
        List<Customers.OwnDocument> all = new ArrayList<>();
        each(b, link -> customers.documents(link.customerId())).forEach(all::addAll);
        return all;
    }

    public Complaints.BorrowerComplaint complain(BorrowerPrincipal b, UUID institutionId, String category, String subject,
                                                 String description) {
        return in(b, institutionId, link -> complaints.fileAsBorrower(b.borrowerId(), b.displayName(), category, subject,
                description));
    }

    public List<Complaints.BorrowerComplaint> complaints(BorrowerPrincipal b) {
        List<Complaints.BorrowerComplaint> all = new ArrayList<>();
        each(b, link -> complaints.filedBy(b.borrowerId())).forEach(all::addAll);
        return all;
    }

    public Complaints.BorrowerComplaint complaint(BorrowerPrincipal b, UUID id) {
        return find(b, link -> complaints.filedBy(b.borrowerId()).stream().filter(c -> c.id().equals(id)).findFirst())
                .orElseThrow(() -> ProblemException.notFound("complaint"));
    }

    // ------------------------------------------------------------------ the walls

    private Optional<Loans.LoanSummary> ownLoan(Borrowers.Link link, UUID loanId) {
        return loanFacts.summary(loanId).filter(l -> l.customerId().equals(link.customerId()));
    }

    private Optional<ProductVersion> product(UUID productId) {
        return products.current().stream().filter(p -> p.productId().equals(productId) && !p.rateCapExceeded()).findFirst();
    }

    private PortalProduct offer(Borrowers.Link link, ProductVersion p) {
        var d = p.definition();
        return new PortalProduct(link.institutionId(), name(link.institutionId()), p.productId(), d.code(), d.name(),
                d.minPrincipal(), d.maxPrincipal(), d.minNumberOfRepayments(), d.maxNumberOfRepayments(),
                d.minAnnualInterestRatePercent(), p.lowestAnnualRatePercent(), p.highestAnnualRatePercent());
    }

    /** {@code work} for each of the borrower's institutions, each in its own wall and transaction. */
    private <T> List<T> each(BorrowerPrincipal b, Function<Borrowers.Link, T> work) {
        List<T> results = new ArrayList<>();
        for (Borrowers.Link link : borrowers.links(b.borrowerId())) {
            results.add(TenantWall.asInstitution(link.institutionId(), () -> transactions.execute(tx -> work.apply(link))));
        }
        return results;
    }

    /** The first of the borrower's institutions where {@code work} finds something. */
    private <T> Optional<T> find(BorrowerPrincipal b, Function<Borrowers.Link, Optional<T>> work) {
        for (Borrowers.Link link : borrowers.links(b.borrowerId())) {
            Optional<T> found = TenantWall.asInstitution(link.institutionId(), () -> transactions.execute(tx -> work.apply(link)));
            if (found != null && found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code work} in one of the borrower's institutions; 404 when the borrower is not a customer there. */
    private <T> T in(BorrowerPrincipal b, UUID institutionId, Function<Borrowers.Link, T> work) {
        Borrowers.Link link = borrowers.links(b.borrowerId()).stream().filter(l -> l.institutionId().equals(institutionId))
                .findFirst().orElseThrow(() -> ProblemException.notFound("institution"));
        return TenantWall.asInstitution(institutionId, () -> transactions.execute(tx -> work.apply(link)));
    }

    private String name(UUID institutionId) {
        return institutions.lender(institutionId).map(InstitutionDirectory.Institution::name).orElse("");
    }
}
