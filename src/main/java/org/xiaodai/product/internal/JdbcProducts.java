package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.product.LoanOffer;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.product.domain.ProductRules;
import org.xiaodai.shared.problem.FieldProblem;

/** The {@link Products} facade over the stored catalogue. */
@Service
class JdbcProducts implements Products {

    private final ProductStore store;
    private final ProductVersionCache cache;

    JdbcProducts(ProductStore store, ProductVersionCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductVersion> version(UUID productId, int version) {
        return cache.version(productId, version, () -> store.version(productId, version));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductVersion> current() {
        return store.currentVersions();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProductVersion> inEffect(UUID productId, LocalDate date) {
        return store.inEffect(productId, date);
    }

    @Override
    public List<FieldProblem> check(ProductVersion version, LoanOffer offer) {
        ProductDefinition d = version.definition();
        List<FieldProblem> problems = new ArrayList<>();
        range(problems, "principal", offer.principal(), d.minPrincipal(), d.maxPrincipal());
        range(problems, "numberOfRepayments", BigDecimal.valueOf(offer.numberOfRepayments()),
                BigDecimal.valueOf(d.minNumberOfRepayments()), BigDecimal.valueOf(d.maxNumberOfRepayments()));
        range(problems, "annualInterestRatePercent", offer.annualInterestRatePercent(),
                d.minAnnualInterestRatePercent(), d.maxAnnualInterestRatePercent());
        if (offer.branchCode() != null && !d.branchCodes().isEmpty() && !d.branchCodes().contains(offer.branchCode())) {
            problems.add(ProductRules.ownProblem("branchCode", "notOffered", offer.branchCode()));
        }
        return problems;
    }

    private static void range(List<FieldProblem> problems, String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(ProductRules.ownProblem(field, "outsideRange", min.toPlainString(), max.toPlainString()));
        }
    }
}
