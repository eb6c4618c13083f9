package org.xiaodai.customer.internal;

import java.util.List;
import java.util.UUID;

import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.Violation;

/** Small helpers turning the customer rules' findings into problem details. */
final class Problems {

    private Problems() {
    }

    static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid(violations.stream()
                .map(v -> new FieldProblem(v.field(), v.rule(), v.messageKey(), v.args())).toList());
    }

    /** Customers belong to a lending institution: only its users enter them. */
    static UUID lenderInstitution(CurrentUser caller) {
        if (caller.organisationKind() != OrganisationKind.LENDER) {
            throw ProblemException.forbidden("forbidden");
        }
        return caller.organisationId();
    }

    /** The caller's institution when it is a lender, else null (region-wide users). */
    static UUID lenderOrAny(CurrentUser caller) {
        return caller.organisationKind() == OrganisationKind.LENDER ? caller.organisationId() : null;
    }
}
