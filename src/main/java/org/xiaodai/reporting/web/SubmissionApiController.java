package org.xiaodai.reporting.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.reporting.internal.ReturnViews.Rejection;
import org.xiaodai.reporting.internal.ReturnViews.ReturnDetail;
import org.xiaodai.reporting.internal.ReturnViews.ReturnView;
import org.xiaodai.shared.problem.ProblemException;

/** The regulator's submission inbox: submitted returns, the late list, receipts with row-level rejections. */
@RestController
@RequestMapping("/api/v1/supervision/submissions")
@Tag(name = "Regulatory reporting", description = "Monthly returns and the loan-level monthly detail (PBOC monthly segment).")
class SubmissionApiController {

    private final ReturnService returns;
    private final InstitutionDirectory directory;

    SubmissionApiController(ReturnService returns, InstitutionDirectory directory) {
        this.returns = returns;
        this.directory = directory;
    }

    @Schema(description = "Submitted returns (newest first) and the institutions whose last month's return is past due.")
    record Inbox(List<ReturnView> items, List<ReturnService.Late> late) {
    }

    @Schema(description = "The regulator's receipt. Rejected: the rows of the loan-level detail refused, each with a reason "
            + "(or a note for a return refused as a whole).")
    record ReceiptRequest(Boolean accepted, @Schema(example = "第 3 行五级分类与逾期天数不符") String note,
                          List<RejectionBody> rejections) {
    }

    record RejectionBody(Integer row, String reason) {
    }

    @Operation(operationId = "listSubmissions", summary = "Submitted returns of every institution, and the late list",
            description = "Filter by `status` (SUBMITTED, ACCEPTED, REJECTED).")
    @GetMapping
    @PreAuthorize("hasAuthority('reporting:submission:view')")
    Inbox list(@RequestParam(required = false) String status) {
        if (status != null && !List.of("SUBMITTED", "ACCEPTED", "REJECTED").contains(status)) {
            throw ProblemException.invalid("status", "oneOf", "SUBMITTED, ACCEPTED, REJECTED");
        }
        return new Inbox(returns.inbox(status), returns.late(directory.lenders()));
    }

    @Operation(operationId = "receiveSubmission", summary = "Record the receipt of a submitted return: accepted or rejected")
    @PostMapping("/{id}/receipt")
    @PreAuthorize("hasAuthority('reporting:submission:receipt')")
    ReturnDetail receipt(@PathVariable UUID id, @RequestBody ReceiptRequest request) {
        List<Rejection> rejections = null;
        if (request.rejections() != null) {
            rejections = new java.util.ArrayList<>();
            for (int i = 0; i < request.rejections().size(); i++) {
                RejectionBody body = request.rejections().get(i);
                if (body == null || body.row() == null) {
                    throw ProblemException.invalid("rejections[" + i + "].row", "required");
                }
                rejections.add(new Rejection(body.row(), body.reason()));
            }
        }
        return returns.receipt(CurrentUsers.require(), id, request.accepted(), request.note(), rejections);
    }
}
