package org.xiaodai.shared.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API under {@code /api/}.
 *
 * @param maxBodySize the largest request body accepted ({@code XIAODAI_API_MAX_BODY_SIZE}); a larger
 *                    one is answered with 413 before it reaches a handler. Must be positive.
 */
@ConfigurationProperties("xiaodai.api")
record ApiProperties(@DefaultValue("256KB") DataSize maxBodySize) {

    ApiProperties {
        if (maxBodySize == null || maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("xiaodai.api.max-body-size must be positive, not " + maxBodySize);
        }
    }
}
