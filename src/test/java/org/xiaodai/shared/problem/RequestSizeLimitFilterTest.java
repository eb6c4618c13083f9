package org.xiaodai.shared.problem;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API body-size limit is the configured one ({@code xiaodai.api.max-body-size}), declared or streamed. */
class RequestSizeLimitFilterTest {

    final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new ProblemDetails(new StaticMessageSource(), JsonMapper.builder().build(), new FixedLocaleResolver(Locale.ENGLISH)),
            new ApiProperties(DataSize.ofKilobytes(1)));

    @Test
    void refusesADeclaredBodyOverTheConfiguredLimitBeforeTheHandler() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(post(new byte[1025], true), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).as("the handler is not reached").isNull();
    }

    @Test
    void refusesAnUndeclaredBodyWhileItIsReadPastTheLimit() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post(new byte[1025], false), new MockHttpServletResponse(), chain);

        ServletRequest passed = chain.getRequest();
        assertThatThrownBy(() -> StreamUtils.copyToByteArray(passed.getInputStream()))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void aReadWithoutABodyIsPassedOnAsItCameButOneWithABodyIsStillLimited() throws Exception {
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/users");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(read, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(read);

        MockHttpServletRequest chunked = new MockHttpServletRequest("GET", "/api/v1/users") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContent(new byte[1025]);
        MockFilterChain second = new MockFilterChain();
        filter.doFilter(chunked, new MockHttpServletResponse(), second);
        assertThatThrownBy(() -> StreamUtils.copyToByteArray(second.getRequest().getInputStream()))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void passesABodyOfExactlyTheLimit() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post(new byte[1024], true), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(StreamUtils.copyToByteArray(chain.getRequest().getInputStream())).hasSize(1024);
    }

    @Test
    void theLimitIs256KiBUnlessConfigured() {
        assertThat(bind(Map.of()).maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(bind(Map.of("xiaodai.api.max-body-size", "2MB")).maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
    }

    private static ApiProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("xiaodai.api", ApiProperties.class);
    }

    private static MockHttpServletRequest post(byte[] body, boolean declareLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/users") {
            @Override
            public long getContentLengthLong() {
                return declareLength ? super.getContentLengthLong() : -1;
            }
        };
        request.setContent(body);
        return request;
    }
}
