package org.xiaodai.calculator.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.xiaodai.shared.problem.ProblemDetails;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CalculatorRateLimitFilterTest {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final CalculatorRateLimitFilter filter = new CalculatorRateLimitFilter(clock, 3, new ProblemDetails(
            new StaticMessageSource(), JsonMapper.builder().build(), new FixedLocaleResolver(Locale.ENGLISH)));

    @Test
    void refusesAClientOverItsBudgetWith429AndLetsOthersThrough() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(call("10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void budgetRefillsOverTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            call("10.0.0.3");
        }
        assertThat(call("10.0.0.3").getStatus()).isEqualTo(429);
        clock.now = clock.now.plusSeconds(20);
        assertThat(call("10.0.0.3").getStatus()).isEqualTo(200);
    }

    @Test
    void thePageFormSharesTheBudgetAndIsRefusedWithTheErrorPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            call("10.0.0.4", "/calculator");
        }
        MockHttpServletResponse refused = call("10.0.0.4", "/calculator");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isNull();
        assertThat(call("10.0.0.4", "/api/v1/calculator/schedule").getStatus()).isEqualTo(429);
    }

    @Test
    void theServicingSimulationDrawsOnTheSameBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("10.0.0.6", "/api/v1/calculator/servicing").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("10.0.0.6", "/api/v1/calculator/servicing");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(call("10.0.0.6", "/api/v1/calculator/schedule").getStatus()).isEqualTo(429);
    }

    @Test
    void openingThePageIsNotCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/calculator");
            request.setRemoteAddr("10.0.0.5");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse call(String address) throws Exception {
        return call(address, "/api/v1/calculator/schedule");
    }

    private MockHttpServletResponse call(String address, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
