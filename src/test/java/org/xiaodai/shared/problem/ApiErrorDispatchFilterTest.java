package org.xiaodai.shared.problem;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorDispatchFilterTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "401, unauthenticated",
            "403, forbidden",
            "404, http-404",
            "405, http-405",
            "413, payload-too-large",
            "418, http-400",
            "500, internal",
            "502, internal",
    })
    void namesEveryStatusWithACodeTheBundlesExplain(int status, String code) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.http-404.title", Locale.ROOT, "Not found");
        messages.addMessage("problem.http-405.title", Locale.ROOT, "Method not allowed");
        ApiErrorDispatchFilter filter = new ApiErrorDispatchFilter(null, messages);
        assertThat(filter.code(HttpStatusCode.valueOf(status))).isEqualTo(code);
    }
}
