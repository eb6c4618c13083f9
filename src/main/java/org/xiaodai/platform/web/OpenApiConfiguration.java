package org.xiaodai.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header: what the API is, how to authenticate, how errors look. */
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
                        (`application/problem+json`) with `errors: [{field, rule, message}]`,
                        in the language of `Accept-Language` (zh-CN by default, en).
                        The loan calculator needs no token."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque (xd_…)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
