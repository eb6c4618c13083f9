package org.xiaodai.platform.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaFeedKeyTest {

    record Probe(UUID institutionId) {
    }

    @Test
    void anExpressionKeyIsEvaluatedAgainstTheEventAndAPlainKeyKept() {
        UUID id = UUID.randomUUID();
        assertThat(KafkaFeedConfiguration.key("#{institutionId()}", new Probe(id))).isEqualTo(id.toString());
        assertThat(KafkaFeedConfiguration.key("fixed", new Probe(id))).isEqualTo("fixed");
        assertThat(KafkaFeedConfiguration.key(null, new Probe(id))).isNull();
    }
}
