package org.xiaodai.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every page is served with a Content-Security-Policy that allows only the application's own files. */
@IntegrationTest
class ContentSecurityPolicyIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void pagesAllowOnlyScriptsAndStylesFromTheirOwnFiles() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("a-admin")
                .password(Api.DEMO_PASSWORD)).andReturn().getRequest().getSession(false);
        for (String path : List.of("/login", "/calculator")) {
            assertStrictPolicy(path, mvc.perform(get(path)).andReturn().getResponse(), 200);
        }
        for (String path : List.of("/", "/users", "/roles", "/audit", "/institutions", "/account/password")) {
            assertStrictPolicy(path, mvc.perform(get(path).session(session)).andReturn().getResponse(), 200);
        }
        String branches = mvc.perform(get("/branches").session(session)).andReturn().getResponse().getRedirectedUrl();
        assertThat(branches).as("/branches shows the caller's institution").isNotNull();
        assertStrictPolicy(branches, mvc.perform(get(branches).session(session)).andReturn().getResponse(), 200);
        String unknownUser = "/users/" + java.util.UUID.randomUUID();
        assertStrictPolicy(unknownUser, mvc.perform(get(unknownUser).session(session)).andReturn().getResponse(), 404);
    }

    private static void assertStrictPolicy(String path, MockHttpServletResponse response, int status) {
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        String policy = response.getHeader("Content-Security-Policy");
        assertThat(policy).as(path).isNotNull()
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "base-uri 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }
}
