package org.xiaodai.calc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asks for a loan's position as of a date after its repayments (servicing README §1): exactly the
 * {@code terms}, {@code policy}, {@code events} and {@code asOf} of a servicing vector.
 *
 * @param terms the loan's terms (the schedule README's {@code terms})
 * @param policy penalty, grace and grade rules
 * @param repayments in date order; several on a day apply in the order listed
 * @param asOf the date of the position, not before disbursement
 */
public record ServicingRequest(LoanTerms terms, ServicingPolicy policy, List<Repayment> repayments, LocalDate asOf) {

    public ServicingRequest {
        repayments = repayments == null ? null : Collections.unmodifiableList(new ArrayList<>(repayments));
    }
}
