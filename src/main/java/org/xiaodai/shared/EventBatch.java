package org.xiaodai.shared;

import java.util.List;

/**
 * An event that carries several events of one type, published once instead of one by one (end of
 * day books its repayments per partition). The event publication registry then writes one row per
 * listener and batch, not per listener and element; every listener of the element type listens to
 * the batch too and handles each element as if it had come alone. The Kafka feed externalises each
 * element as its own record, so a consumer of the topic cannot tell the difference.
 */
public interface EventBatch {

    /** The events carried, in the order they were booked. */
    List<?> events();
}
