package org.xiaodai.iam.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.xiaodai.shared.problem.ProblemDetails;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleFilterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottleFilter filter = new LoginThrottleFilter(clock, 3, problems());

    @Test
    void refusesTheFourthTokenRequestFromOneAddressWithinAMinuteAsAProblemDetail() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/auth/token", "10.1.1.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send("POST", "/api/v1/auth/token", "10.1.1.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("too-many-attempts");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void formLoginTokenAndPasswordChangeShareTheBucketAndTheFormGoesBackToTheLoginPage() throws Exception {
        send("POST", "/login", "10.1.1.2");
        send("POST", "/api/v1/auth/password", "10.1.1.2");
        send("POST", "/api/v1/auth/token", "10.1.1.2");
        MockHttpServletResponse refused = send("POST", "/login", "10.1.1.2");
        assertThat(refused.getRedirectedUrl()).isEqualTo("/login?error=throttled");
    }

    @Test
    void otherAddressesAndOtherRequestsAreNotThrottled() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("POST", "/login", "10.1.1.3");
        }
        assertThat(send("POST", "/login", "10.1.1.4").getStatus()).isEqualTo(200);
        assertThat(send("GET", "/login", "10.1.1.3").getStatus()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/users", "10.1.1.3").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse send(String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static ProblemDetails problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/problems");
        messages.setDefaultEncoding("UTF-8");
        return new ProblemDetails(messages, JsonMapper.builder().build(), new FixedLocaleResolver(java.util.Locale.ENGLISH));
    }
}
