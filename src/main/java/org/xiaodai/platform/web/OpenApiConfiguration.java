package org.xiaodai.platform.web;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiaodai.shared.access.AccessContributor;

/**
 * The OpenAPI description: its header (what the API is, how to authenticate, how errors look),
 * and the conventions every operation gets by construction, so a module adding endpoints adds
 * nothing here: a stable {@code operationId}, its permission and data scope in the description
 * (read from {@code @PreAuthorize}), its problem responses ({@link ApiOperationConventions}), and
 * response schemas whose non-null fields are required ({@link ApiSchemaConventions}).
 * {@code docs/api-versioning.md} says what may change under {@code /api/v1}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI xiaodaiOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "v1" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Xiaodai (小贷) API").version(version).description("""
                        REST API of the Xiaodai microloan platform. Get a bearer token with
                        `POST /api/v1/auth/token` (`{"username","password"}`) and send it as
                        `Authorization: Bearer xd_…`. Errors are RFC 9457 problem details
                        (`application/problem+json`, schema `ProblemDetail`) with
                        `errors: [{field, rule, message}]`, in the language of `Accept-Language`
                        (zh-CN by default, en). Every operation says which permission it needs and
                        how the caller's data scope limits it. The loan calculator needs no token.
                        Compatibility rules for `/api/v1`: `docs/api-versioning.md`."""))
                // relative: the document describes the server that serves it, whatever its address
                .servers(List.of(new Server().url("/").description("The server this document was fetched from")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque (xd_…)")
                        .description("An API token from `POST /api/v1/auth/token`, sent as `Authorization: Bearer xd_…`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GlobalOperationCustomizer apiOperationConventions(List<AccessContributor> contributors) {
        return new ApiOperationConventions(new AccessDescriptions(contributors));
    }

    @Bean
    ApiSchemaConventions apiSchemaConventions() {
        return new ApiSchemaConventions();
    }

    /** The shared problem schemas, the required fields of response schemas, tags in a stable order. */
    @Bean
    GlobalOpenApiCustomizer apiDocumentConventions(ApiSchemaConventions schemas) {
        return openApi -> {
            ModelConverters.getInstance(true).readAll(new AnnotatedType(ProblemDocument.class))
                    .forEach(openApi.getComponents()::addSchemas);
            schemas.requireNonNullResponseFields(openApi);
            if (openApi.getTags() != null) {
                // in name order, not handler registration order: the document must be byte-stable
                openApi.setTags(openApi.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList());
            }
        };
    }
}
