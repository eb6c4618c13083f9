package org.xiaodai.iam.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/** The regulator reads everything but writes nothing on the lending side of the web UI either. */
@IntegrationTest
class RegulatorPagesIntegrationTest {

    /** The regulator-writable paths, as the modules contribute them (never a copy in this test). */
    @Autowired
    org.xiaodai.iam.internal.AccessCatalogue catalogue;

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPageWriteByTheRegulatorIsForbidden() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var login = mvc.perform(formLogin("/login").user("regulator").password("Demo@2026xd")).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).as("the regulator signed in").isEqualTo("/");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || org.xiaodai.support.RegulatorPaths.writable(catalogue, pattern)
                        || isBorrowerSignInOrRegistration(pattern)) {
                    continue;
                }
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    int status = mvc.perform(request(method.asHttpMethod(), path).session(session).with(csrf())
                            .param("name", "x")).andReturn().getResponse().getStatus();
                    assertThat(status).as("%s %s by the regulator", method, path).isEqualTo(403);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(5);
    }

    /**
     * The borrower portal's sign-in and registration forms are open to anyone (a staff session is
     * nobody there) and change no lending data; every other portal write refuses a staff principal.
     */
    private static boolean isBorrowerSignInOrRegistration(String pattern) {
        return pattern.equals("/portal/login") || pattern.equals("/portal/register") || pattern.startsWith("/portal/register/");
    }

}
