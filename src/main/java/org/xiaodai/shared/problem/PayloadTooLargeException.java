package org.xiaodai.shared.problem;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the API's size limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
