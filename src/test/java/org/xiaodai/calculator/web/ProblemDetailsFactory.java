package org.xiaodai.calculator.web;

import java.lang.reflect.Constructor;

import org.springframework.context.MessageSource;
import org.xiaodai.shared.problem.ProblemDetails;

/** Builds the package-private-constructed {@link ProblemDetails} for plain unit tests. */
final class ProblemDetailsFactory {

    private ProblemDetailsFactory() {
    }

    static ProblemDetails create(MessageSource messages) {
        try {
            Constructor<ProblemDetails> constructor = ProblemDetails.class.getDeclaredConstructor(MessageSource.class);
            constructor.setAccessible(true);
            return constructor.newInstance(messages);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
