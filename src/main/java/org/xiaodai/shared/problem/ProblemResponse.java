package org.xiaodai.shared.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on an API handler method a problem it may answer beyond the standard ones (400 for
 * invalid input, 401/403 for a missing token or permission, 404 for an unknown record, 409 on
 * writes, 413 for oversize bodies), or says more precisely why a standard one happens. The OpenAPI
 * document lists it as an {@code application/problem+json} response of that status.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The HTTP status, 400 to 599. */
    int status();

    /** When and why it happens, naming the problem {@code type} codes, e.g. {@code `bad-credentials`}. */
    String description();

    /** The container of repeated {@link ProblemResponse}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemResponse[] value();
    }
}
