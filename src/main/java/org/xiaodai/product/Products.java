package org.xiaodai.product;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.xiaodai.shared.problem.FieldProblem;

/**
 * The product catalogue as other modules (origination, contract, servicing) use it. Reads go
 * through the tenant wall: a caller sees its own institution's products only (region-wide work
 * sees all).
 */
public interface Products {

    /** A stored version, or empty when the product or version does not exist (or is another institution's). */
    Optional<ProductVersion> version(UUID productId, int version);

    /** The current version of every product of the caller's institution (for choosing one on an application form). */
    List<ProductVersion> current();

    /** The newest version offered on {@code date} (effective from that date or earlier), or empty. */
    Optional<ProductVersion> inEffect(UUID productId, LocalDate date);

    /**
     * Checks an application against a version's ranges and branches: every problem names the
     * offer's field ({@code principal}, {@code numberOfRepayments}, {@code annualInterestRatePercent},
     * {@code branchCode}) and a rule ({@code outsideRange} with the range, {@code notOffered}).
     *
     * @return the problems, empty when the offer fits
     */
    List<FieldProblem> check(ProductVersion version, LoanOffer offer);

    /** What disbursing {@code offer}'s principal under {@code version} pays out and charges. */
    default Disbursement disbursement(ProductVersion version, LoanOffer offer) {
        return Disbursement.of(version.definition(), offer.principal());
    }
}
