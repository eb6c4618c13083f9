package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Write-off (核销) and restructuring / extension (重组 / 展期) go through maker-checker: the maker
 * files the request ({@link #requestWriteOff}, {@link #requestRestructuring}), a second user with
 * {@code iam:change:approve} approves it and the handler applies it in the approval transaction.
 */
@org.springframework.stereotype.Service
@org.springframework.transaction.annotation.Transactional
public class WorkoutRequests {

    static final String WRITE_OFF = "servicing.write-off";
    static final String RESTRUCTURE = "servicing.restructure";
    static final Set<String> KINDS = Set.of("RESTRUCTURING", "EXTENSION");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChangeRequests changes;
    private final LoanRepository loans;

    WorkoutRequests(ChangeRequests changes, LoanRepository loans) {
        this.changes = changes;
        this.loans = loans;
    }

    public UUID requestWriteOff(CurrentUser maker, UUID loanId, String reason) {
        requireReason(reason);
        LoanRow loan = loans.find(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        if (loan.status() != LoanState.OVERDUE) {
            throw ProblemException.conflict("write-off-needs-overdue-loan", loan.status().name());
        }
        return changes.submit(maker, loan.institutionId(), WRITE_OFF, "核销 " + loan.contractNumber(),
                Map.of("loanId", loanId.toString(), "reason", reason));
    }

    public UUID requestRestructuring(CurrentUser maker, UUID loanId, String kind, Integer numberOfRepayments,
                                     BigDecimal ratePercent, String reason) {
        requireReason(reason);
        if (kind == null || !KINDS.contains(kind)) {
            throw ProblemException.invalid(List.of(FieldProblem.of("kind", kind == null ? "required" : "oneOf",
                    "RESTRUCTURING, EXTENSION")));
        }
        if (numberOfRepayments == null || numberOfRepayments < 1 || numberOfRepayments > 360) {
            throw ProblemException.invalid("numberOfRepayments", numberOfRepayments == null ? "required" : "range", 1, 360);
        }
        if (ratePercent != null && (ratePercent.signum() < 0 || ratePercent.compareTo(new BigDecimal("100")) > 0)) {
            throw ProblemException.invalid("annualInterestRatePercent", "range", 0, 100);
        }
        LoanRow loan = loans.find(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        Repayments.requireOpen(loan);
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("loanId", loanId.toString());
        payload.put("kind", kind);
        payload.put("numberOfRepayments", numberOfRepayments);
        payload.put("annualInterestRatePercent", ratePercent == null ? null : ratePercent.toPlainString());
        payload.put("reason", reason);
        return changes.submit(maker, loan.institutionId(), RESTRUCTURE,
                ("EXTENSION".equals(kind) ? "展期 " : "重组 ") + loan.contractNumber(), payload);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "required");
        }
        if (reason.length() > 500) {
            throw ProblemException.invalid("reason", "maxLength", 500);
        }
    }
}
