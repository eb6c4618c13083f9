package org.xiaodai.product.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.BranchDirectory;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.RateCapMode;
import org.xiaodai.product.domain.AnnualRateRange;
import org.xiaodai.product.domain.ProductRules;
import org.xiaodai.product.domain.RateBenchmark;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Creating and editing products. Every save checks the definition, computes the annualised rate
 * range with {@code calc} and holds its highest rate against the rate benchmark on the effective
 * date: above it, the save is refused or flagged as configured ({@link ProductProperties}).
 * Editing never changes a stored version: it writes the next one, and loans keep theirs.
 */
@Service
public class ProductCatalogue {

    private final ProductStore store;
    private final LprTable lpr;
    private final BranchDirectory branches;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProductProperties properties;

    ProductCatalogue(ProductStore store, LprTable lpr, BranchDirectory branches, BusinessDate businessDate,
                     AuditTrail audit, Clock clock, ProductProperties properties) {
        this.store = store;
        this.lpr = lpr;
        this.branches = branches;
        this.businessDate = businessDate;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * What saving a definition would record: its annualised rate range and the benchmark.
     *
     * @param definition the checked definition, effective date filled in
     * @param range its rates
     * @param benchmark the benchmark on its effective date
     * @param exceeded whether the highest rate is above the benchmark
     */
    public record Evaluation(ProductDefinition definition, AnnualRateRange range, RateBenchmark benchmark, boolean exceeded) {

        ProductStore.Rates rates() {
            return new ProductStore.Rates(range.lowestPercent(), range.highestPercent(), benchmark.lprDate(),
                    benchmark.lprPercent(), benchmark.capPercent(), exceeded);
        }
    }

    /** Checks and prices a definition without saving it (the live preview); never refuses for the benchmark. */
    @Transactional(readOnly = true)
    public Evaluation evaluate(CurrentUser caller, ProductBody body) {
        ProductDefinition parsed = ProductBodyParser.parse(body);
        LocalDate today = businessDate.of(caller.organisationId());
        ProductDefinition d = parsed.effectiveFrom() == null ? parsed.effectiveFrom(today) : parsed;
        List<FieldProblem> problems = new ArrayList<>(ProductRules.check(d));
        if (d.effectiveFrom().isBefore(today)) {
            problems.add(ProductRules.ownProblem("effectiveFrom", "beforeBusinessDate", today.toString()));
        }
        List<String> known = branches.branchCodes();
        d.branchCodes().stream().filter(code -> !known.contains(code))
                .forEach(code -> problems.add(FieldProblem.of("branchCodes", "unknown", code)));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        AnnualRateRange range = switch (AnnualRateRange.of(d)) {
            case AnnualRateRange.Result.Computed computed -> computed.range();
            case AnnualRateRange.Result.Refused refused -> throw ProblemException.invalid(refused.problems());
        };
        LprTable.Lpr inForce = lpr.on(d.effectiveFrom()).orElseThrow(() -> ProblemException.invalid(
                List.of(ProductRules.ownProblem("effectiveFrom", "noLpr", d.effectiveFrom().toString()))));
        RateBenchmark benchmark = new RateBenchmark(inForce.effectiveDate(), inForce.oneYearPercent(),
                properties.rateCapLprMultiple());
        return new Evaluation(d, range, benchmark, benchmark.exceededBy(range.highest()));
    }

    /** Creates a product (version 1) of the caller's institution. */
    @Transactional
    public ProductVersion create(CurrentUser caller, ProductBody body) {
        Evaluation evaluation = admissible(evaluate(caller, body));
        ProductDefinition d = evaluation.definition();
        if (store.codeTaken(d.code())) {
            throw ProblemException.invalid("code", "duplicate");
        }
        Instant now = clock.instant();
        UUID id = store.insertProduct(caller.organisationId(), d.code(), now, caller.userId());
        store.insertVersion(id, caller.organisationId(), 1, d, evaluation.rates(), now, caller.userId());
        ProductVersion saved = store.current(id).orElseThrow();
        audit.record(AuditRecord.created("product.created", "product", id, caller.organisationId(), summary(saved)));
        return saved;
    }

    /**
     * Edits a product: writes its next version (the stored ones never change).
     *
     * @param expectedVersion the version the caller edited, or null to skip the check
     */
    @Transactional
    public ProductVersion update(CurrentUser caller, UUID productId, ProductBody body, Integer expectedVersion) {
        ProductVersion current = store.current(productId).orElseThrow(() -> ProblemException.notFound("product"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ProblemException.conflict("concurrent-change");
        }
        Evaluation evaluation = admissible(evaluate(caller, body));
        ProductDefinition d = evaluation.definition();
        if (!d.code().equals(current.definition().code())) {
            throw ProblemException.invalid(List.of(ProductRules.ownProblem("code", "unchangeable")));
        }
        int next = current.version() + 1;
        if (!store.advance(productId, current.version(), next)) {
            throw ProblemException.conflict("concurrent-change");
        }
        store.insertVersion(productId, current.institutionId(), next, d, evaluation.rates(), clock.instant(),
                caller.userId());
        ProductVersion saved = store.current(productId).orElseThrow();
        audit.record(AuditRecord.changed("product.versioned", "product", productId, current.institutionId(),
                summary(current), summary(saved)));
        return saved;
    }

    @Transactional(readOnly = true)
    public ProductVersion current(UUID productId) {
        return store.current(productId).orElseThrow(() -> ProblemException.notFound("product"));
    }

    @Transactional(readOnly = true)
    public ProductVersion version(UUID productId, int version) {
        return store.version(productId, version).orElseThrow(() -> ProblemException.notFound("product"));
    }

    @Transactional(readOnly = true)
    public List<Integer> versionNumbers(UUID productId) {
        return store.versionNumbers(productId);
    }

    /** The current version of every product the caller's tenant wall shows. */
    @Transactional(readOnly = true)
    public List<ProductVersion> list() {
        return store.currentVersions();
    }

    /**
     * Checks and prices a definition for seeding (demo and bootstrap data): like a save, without the
     * business-date and branch checks, so a history of earlier versions can be written. Pure but for
     * reading the LPR; no transaction of its own is held while the rates are computed.
     */
    public Evaluation priced(ProductDefinition d) {
        List<FieldProblem> problems = ProductRules.check(d);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        AnnualRateRange range = switch (AnnualRateRange.of(d)) {
            case AnnualRateRange.Result.Computed computed -> computed.range();
            case AnnualRateRange.Result.Refused refused -> throw ProblemException.invalid(refused.problems());
        };
        LprTable.Lpr inForce = lpr.on(d.effectiveFrom()).orElseThrow(() -> ProblemException.invalid(
                List.of(ProductRules.ownProblem("effectiveFrom", "noLpr", d.effectiveFrom().toString()))));
        RateBenchmark benchmark = new RateBenchmark(inForce.effectiveDate(), inForce.oneYearPercent(),
                properties.rateCapLprMultiple());
        return admissible(new Evaluation(d, range, benchmark, benchmark.exceededBy(range.highest())));
    }

    /**
     * Seeds a catalogue of {@link #priced} definitions once, in order (a code seen again becomes its
     * product's next version): nothing when the institution has products already. Safe when the same
     * event is delivered twice at once (Modulith republishes unfinished publications at start): the
     * second delivery waits for the first and then finds its products. Runs as the system; the
     * caller sets the tenant wall.
     *
     * @return whether anything was written
     */
    @Transactional
    public boolean seedOnce(UUID institutionId, List<Evaluation> evaluations) {
        store.lockCatalogue(institutionId);
        if (!store.currentVersions().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        for (Evaluation evaluation : evaluations) {
            ProductDefinition d = evaluation.definition();
            UUID id = store.idOf(d.code()).orElseGet(() -> store.insertProduct(institutionId, d.code(), now, null));
            int version = store.current(id).map(v -> v.version() + 1).orElse(1);
            if (version > 1) {
                store.advance(id, version - 1, version);
            }
            store.insertVersion(id, institutionId, version, d, evaluation.rates(), now, null);
            audit.record(AuditRecord.created("product.seeded", "product", id, institutionId,
                    summary(store.current(id).orElseThrow())));
        }
        return true;
    }

    /** Refuses an evaluation above the benchmark unless the configuration says to flag it. */
    private Evaluation admissible(Evaluation e) {
        if (e.exceeded() && properties.rateCapMode() == RateCapMode.REFUSE) {
            throw ProblemException.invalid(List.of(ProductRules.ownProblem("maxAnnualInterestRatePercent", "rateCap",
                    e.range().highestPercent().toPlainString(), e.benchmark().capPercent().toPlainString(),
                    e.benchmark().multiple().stripTrailingZeros().toPlainString(),
                    e.benchmark().lprPercent().toPlainString(), e.benchmark().lprDate().toString(),
                    e.range().worstPrincipal().toPlainString(), e.range().worstNumberOfRepayments())));
        }
        return e;
    }

    private static Map<String, Object> summary(ProductVersion v) {
        return Map.of("version", v.version(), "definition", ProductJson.body(v.definition()),
                "highestAnnualRatePercent", v.highestAnnualRatePercent().toPlainString(),
                "rateCapPercent", v.rateCapPercent().toPlainString(), "rateCapExceeded", v.rateCapExceeded());
    }
}
