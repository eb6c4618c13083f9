package org.xiaodai.platform.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.xiaodai.shared.problem.ProblemResponse;

/**
 * What every API operation gets without its author writing it, so the rule holds for modules
 * not yet written:
 * <ul>
 * <li>a stable {@code operationId}: the one given in {@code @Operation}, else controller and
 *     method name ({@code UserApiController.list} → {@code listUser}), never springdoc's
 *     order-dependent {@code list_3};</li>
 * <li>the permission and data scope paragraph, read from {@code @PreAuthorize}, also as
 *     {@code x-permissions};</li>
 * <li>{@code security: []} for public endpoints;</li>
 * <li>the problem responses that can occur: 400 where there is input, 401 and 403 where a token or
 *     permission is needed, 404 where a path names a record, 409 on authenticated writes, 413 where
 *     a body is read, and those the method declares with {@link ProblemResponse}; every 4xx/5xx
 *     response is answered as {@code application/problem+json} with the one {@code ProblemDetail}
 *     schema. (Springdoc's own {@code @ApiResponse} would drop the computed success response.)</li>
 * </ul>
 */
final class ApiOperationConventions implements GlobalOperationCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "#/components/schemas/" + ProblemDocument.NAME;

    private static final Map<String, String> STANDARD = Map.of(
            "400", "Invalid input: `errors` names each offending field and the rule it breaks.",
            "401", "No bearer token, or one that is unknown, expired or revoked.",
            "403", "The caller lacks the permission, or the action is not allowed for it.",
            "404", "No such record, or one outside the caller's data scope.",
            "409", "Conflicts with the current state: already decided, changed meanwhile, or a uniqueness rule.",
            "413", "The request body exceeds the size limit (`xiaodai.api.max-body-size`, 256 KB unless configured).");

    private final AccessDescriptions access;

    ApiOperationConventions(AccessDescriptions access) {
        this.access = access;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Endpoint endpoint = Endpoint.of(handler);
        AccessDescriptions.Rule rule = AccessDescriptions.Rule.of(endpoint.preAuthorize());
        operation.setOperationId(operationId(operation, handler));
        String permission = access.describe(rule, endpoint.path(), endpoint.isWrite(), endpoint.identifiesRecord());
        operation.setDescription(StringUtils.hasText(operation.getDescription())
                ? operation.getDescription().strip() + "\n\n" + permission : permission);
        if (!rule.authorities().isEmpty()) {
            operation.addExtension("x-permissions", rule.authorities());
        }
        if (rule.isPublic()) {
            operation.setSecurity(List.of());
        }
        operation.setResponses(problemResponses(operation, handler, endpoint, rule));
        return operation;
    }

    /** The operation's responses with the problems it can answer added, every error as a problem detail, in code order. */
    private ApiResponses problemResponses(Operation operation, HandlerMethod handler, Endpoint endpoint,
                                          AccessDescriptions.Rule rule) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (ProblemResponse declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                ProblemResponse.class)) {
            responses.addApiResponse(String.valueOf(declared.status()), new ApiResponse().description(declared.description()));
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        addIfAbsent(responses, "400", hasInput);
        addIfAbsent(responses, "401", !rule.isPublic());
        addIfAbsent(responses, "403", !rule.isPublic() && (!rule.anyAuthenticated()
                || endpoint.isWrite() && !access.regulatorMayWrite(endpoint.path())));
        addIfAbsent(responses, "404", endpoint.identifiesRecord());
        addIfAbsent(responses, "409", !rule.isPublic() && endpoint.isWrite());
        addIfAbsent(responses, "413", operation.getRequestBody() != null);
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
            }
        });
        return sorted(responses);
    }

    private static void addIfAbsent(ApiResponses responses, String code, boolean applies) {
        if (applies && !responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(STANDARD.get(code)));
        }
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(code -> sorted.addApiResponse(code, responses.get(code)));
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    private static String operationId(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                io.swagger.v3.oas.annotations.Operation.class);
        if (declared != null && StringUtils.hasText(declared.operationId())) {
            return operation.getOperationId();
        }
        String controller = handler.getBeanType().getSimpleName().replaceFirst("(Api)?Controller$", "");
        return handler.getMethod().getName() + controller;
    }

    /** The facts about a handler method the conventions need. */
    private record Endpoint(String path, RequestMethod[] methods, String preAuthorize, boolean identifiesRecord) {

        static Endpoint of(HandlerMethod handler) {
            Method method = handler.getMethod();
            RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
            RequestMapping own = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
            String path = first(type) + first(own);
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            boolean identifiesRecord = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            return new Endpoint(path, own == null ? new RequestMethod[0] : own.method(),
                    rule == null ? null : rule.value(), identifiesRecord);
        }

        private static String first(RequestMapping mapping) {
            return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
        }

        boolean isWrite() {
            return Arrays.stream(methods).anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD
                    && m != RequestMethod.OPTIONS);
        }
    }
}
