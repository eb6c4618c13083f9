package org.xiaodai.platform.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The wire form of every error of the API, as {@link org.xiaodai.shared.problem.ProblemDetails}
 * builds it: documentation only, never instantiated. The contract test checks real error answers
 * against the schema made from it, so the two cannot drift apart.
 */
@Schema(name = ProblemDocument.NAME, description = """
        An RFC 9457 problem detail (`application/problem+json`). `type` is stable and names the \
        kind of problem; `title` and `detail` are in the caller's language (`Accept-Language`); \
        `errors` lists every broken rule of invalid input.""")
record ProblemDocument(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri",
                description = "Stable identifier of the kind of problem: `https://xiaodai.org/problems/<code>`.",
                example = "https://xiaodai.org/problems/invalid-input")
        String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Short summary, localised.", example = "Invalid input")
        String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The HTTP status code.", example = "400")
        int status,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Explanation, localised; for invalid input every field and its message.",
                example = "principal: Write a plain decimal number such as 10000.00 (no exponent)")
        String detail,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, format = "uri-reference",
                description = "The request path, when the error arose in an endpoint.", example = "/api/v1/calculator/schedule")
        String instance,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED,
                description = "Present for invalid input only: one entry per broken rule.")
        List<FieldErrorDocument> errors,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, example = "quietHours",
                description = "Present when a business rule refused a well-formed request (422): the rule's stable code, "
                        + "e.g. the collections conduct rules `unnamedContact`, `quietHours`, `dailyAttemptLimit`.")
        String rule) {

    static final String NAME = "ProblemDetail";

    /** One broken rule on one input field. */
    @Schema(name = "FieldError", description = "One broken rule on one input field.")
    record FieldErrorDocument(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "principal",
                    description = "The field as the request named it (JSON property, `body` for the body as a whole, "
                            + "`a.b` or `a[0]` when nested).")
            String field,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "decimalFormat",
                    description = "Stable rule code, e.g. `required`, `size`, `format`, `type`, `malformed`, `decimalFormat`, "
                            + "`date`, `oneOf`, `min`, `max`, `duplicate`, `unknown`, `outsideScope`.")
            String rule,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "What is wrong, localised.",
                    example = "Write a plain decimal number such as 10000.00 (no exponent)")
            String message) {
    }
}
