package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.servicing.LoanDisbursed;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.Institutions;
import org.xiaodai.supervision.Licence;

/**
 * The lending-outside-licence feed ({@link Indicators#OUTSIDE_LICENCE}): when servicing reports a new loan paid out
 * ({@link LoanDisbursed}), after its transaction committed (through the event publication registry, so a crash means a
 * retry), in a transaction of its own inside the institution's tenant wall, the borrower's region and the product's type
 * are checked against the licence in effect on the disbursement date ({@link Institutions#licensedFor}).
 * <ul>
 * <li>The borrower's region is the region stated for the customer, else the division code its ID number starts with;
 *     a borrower with neither is not judged on region.</li>
 * <li>The business scope is the product's type (same names as {@link BusinessScope}); a product the catalogue does not
 *     know is not judged on scope.</li>
 * <li>An institution without a registry entry is not judged at all (the regulator has not ruled on it, as for the
 *     origination gate).</li>
 * </ul>
 * The value observed is how many of the two (region, scope) lie outside; the subject is {@code loan:<id>} and the date
 * the disbursement date, so a second delivery of the same event raises nothing more. The label names the loan's
 * contract and what is outside, in Chinese and English.
 */
@Component
class LicenceFeed {

    private final EarlyWarnings warnings;
    private final TransactionTemplate transactions;
    private final Institutions institutions;
    private final Customers customers;
    private final Products products;
    private final Loans loans;
    private final MessageSource messages;

    LicenceFeed(EarlyWarnings warnings, TransactionTemplate transactions, Institutions institutions, Customers customers,
                Products products, Loans loans, MessageSource messages) {
        this.warnings = warnings;
        this.transactions = transactions;
        this.institutions = institutions;
        this.customers = customers;
        this.products = products;
        this.loans = loans;
        this.messages = messages;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(LoanDisbursed loan) {
        check(loan);
    }

    /** The check itself, synchronously (the listener's body; tests call it to deliver an event twice). */
    List<UUID> check(LoanDisbursed e) {
        return TenantWall.asInstitution(e.institutionId(), () -> transactions.execute(tx -> {
            Optional<Licence> licence = institutions.licence(e.institutionId(), e.disbursementDate());
            if (licence.isEmpty()) {
                return List.<UUID>of();
            }
            Optional<Loans.LoanSummary> summary = loans.summary(e.loanId());
            String region = customers.profile(e.customerId()).map(LicenceFeed::regionOf).orElse(null);
            BusinessScope scope = summary.flatMap(s -> products.version(e.productId(), s.productVersion()))
                    .or(() -> products.inEffect(e.productId(), e.disbursementDate()))
                    .map(LicenceFeed::scopeOf).orElse(null);
            if (region == null && scope == null) {
                return List.<UUID>of();
            }
            if (region != null && scope != null
                    && institutions.licensedFor(e.institutionId(), region, scope, e.disbursementDate())) {
                return List.<UUID>of();
            }
            // outside (or one of the two unknown): say which, from the same licence version
            Licence l = licence.get();
            boolean regionOutside = region != null && !l.coversRegion(region);
            boolean scopeOutside = scope != null && !l.businessScope().contains(scope);
            if (!regionOutside && !scopeOutside) {
                return List.<UUID>of();
            }
            String contract = summary.map(Loans.LoanSummary::contractNumber).orElse(e.loanId().toString());
            String label = label(Locale.SIMPLIFIED_CHINESE, contract, region, scope, l, regionOutside, scopeOutside) + " / "
                    + label(Locale.ENGLISH, contract, region, scope, l, regionOutside, scopeOutside);
            int outside = (regionOutside ? 1 : 0) + (scopeOutside ? 1 : 0);
            return warnings.evaluate(new Observation(e.institutionId(), Indicators.OUTSIDE_LICENCE, BigDecimal.valueOf(outside),
                    e.disbursementDate(), "loan:" + e.loanId(), label));
        }));
    }

    private String label(Locale locale, String contract, @Nullable String region, @Nullable BusinessScope scope, Licence l,
                         boolean regionOutside, boolean scopeOutside) {
        List<String> parts = new ArrayList<>();
        if (regionOutside) {
            parts.add(messages.getMessage("risk.outside-licence.region", new Object[] {region, l.licensedRegion()}, locale));
        }
        if (scopeOutside) {
            parts.add(messages.getMessage("risk.outside-licence.scope", new Object[] {
                    messages.getMessage("risk.outside-licence.scope." + scope.name(), null, locale)}, locale));
        }
        return messages.getMessage("risk.outside-licence.loan", new Object[] {contract,
                String.join(messages.getMessage("risk.outside-licence.and", null, locale), parts)}, locale);
    }

    private static @Nullable String regionOf(CustomerProfile p) {
        String stated = p.regionCode();
        if (stated != null && stated.length() == 6) {
            return stated;
        }
        String id = p.idRegionCode();
        return id != null && id.length() == 6 ? id : null;
    }

    private static @Nullable BusinessScope scopeOf(ProductVersion v) {
        try {
            return BusinessScope.valueOf(v.definition().productType().name());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
