package org.xiaodai;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No JSON request body reads a decimal as a JSON number: Jackson turns {@code 1e999999999} into a
 * {@link BigDecimal} in an instant, and the first rounding of it never finishes. Amounts and rates
 * are strings, parsed with {@code shared.validation.DecimalNumber} (which refuses exponents and
 * absurd scales with the rule {@code decimalFormat}); a JSON number sent for such a field is
 * read as its text and refused the same way.
 */
@IntegrationTest
class RequestBodyDecimalsIntegrationTest {

    static final Set<Class<?>> NUMBERS_WITH_FRACTIONS = Set.of(BigDecimal.class, Double.class, double.class,
            Float.class, float.class);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyDecimalInARequestBodyIsReadAsText() {
        List<String> numeric = new ArrayList<>();
        int bodies = 0;
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (Parameter parameter : handler.getMethod().getParameters()) {
                if (parameter.isAnnotationPresent(RequestBody.class)) {
                    bodies++;
                    collectNumericComponents(parameter.getType(), parameter.getType().getSimpleName(), numeric);
                }
            }
        }
        assertThat(bodies).isGreaterThan(3);
        assertThat(numeric).as("read these as String and parse them with DecimalNumber").isEmpty();
    }

    private static void collectNumericComponents(Class<?> type, String path, List<String> numeric) {
        if (NUMBERS_WITH_FRACTIONS.contains(type)) {
            numeric.add(path);
        } else if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                collectNumericComponents(component.getType(), path + "." + component.getName(), numeric);
            }
        }
    }
}
