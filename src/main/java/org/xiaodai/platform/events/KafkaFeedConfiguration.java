package org.xiaodai.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.ParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.xiaodai.shared.EventBatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-time feed to Kafka (实时数据报送), on only when {@code spring.kafka.bootstrap-servers} is
 * set: no broker is needed to start otherwise. Spring Modulith's event externalisation does the
 * work — every event type annotated {@code @Externalized} (complaints, alerts, and servicing's loan events:
 * new loan, repayment, overdue, grade change, write-off, all on one topic keyed by loan) is
 * handed, after its transaction committed, to an externaliser that is itself a listener of the JDBC
 * event publication registry: the publication completes only once the broker
 * acknowledged the record, and an incomplete one is sent again at the next start (at least once).
 * The routing target names the topic and the record key ({@code topic::key}, keyed by institution
 * or loan), and the producer is idempotent with {@code acks=all}, so records of one key keep their
 * order. Values are the event as JSON, with the event's type in the header {@code xiaodai-event}. ({@code spring-modulith-events-kafka} 2.1 is not on Maven
 * Central, so the transport is these few lines over Spring Kafka.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class KafkaFeedConfiguration {

    /** The topics the feed writes to, created at start when missing. */
    static final List<String> TOPICS = List.of("xiaodai.supervision.complaints", "xiaodai.risk.alerts",
            "xiaodai.servicing.loans");
    /** The record header naming the event's type (e.g. {@code RepaymentReceived}): one topic carries several. */
    static final String TYPE_HEADER = "xiaodai-event";

    @Bean
    KafkaTemplate<String, String> feedTemplate(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean(destroyMethod = "close")
    OrderedKafkaFeed kafkaFeed(EventExternalizationConfiguration configuration,
                               KafkaTemplate<String, String> feedTemplate) {
        return new OrderedKafkaFeed(configuration, feedTemplate);
    }

    /**
     * The externaliser. Spring Modulith's own ({@code EventExternalizerModuleListener}) is an
     * asynchronous listener: two events committed a moment apart run on two pool threads and may
     * reach the producer in either order. Here the listener runs on the committing thread right after
     * the commit and only queues the event on one sending thread, so records leave in commit order
     * and the request never waits for the broker. The returned future completes when the broker
     * acknowledged the record; the registry marks the publication complete only then.
     */
    static class OrderedKafkaFeed implements ConditionalEventListener, AutoCloseable {

        private final EventExternalizationConfiguration configuration;
        private final KafkaTemplate<String, String> template;
        private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        private final ExecutorService sender = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("kafka-feed").daemon().factory());

        OrderedKafkaFeed(EventExternalizationConfiguration configuration, KafkaTemplate<String, String> template) {
            this.configuration = configuration;
            this.template = template;
        }

        /** An externalised event, or a batch ({@link EventBatch}) carrying one. */
        @Override
        public boolean supports(Object event) {
            return configuration.supports(event)
                    || event instanceof EventBatch batch && batch.events().stream().anyMatch(configuration::supports);
        }

        /** A batch goes out as one record per externalised element, in its order, as if each had been published alone. */
        @TransactionalEventListener
        public CompletableFuture<?> externalize(Object event) {
            if (!configuration.supports(event) && event instanceof EventBatch batch) {
                return CompletableFuture.allOf(batch.events().stream().filter(configuration::supports)
                        .map(this::send).toArray(CompletableFuture[]::new));
            }
            return send(event);
        }

        private CompletableFuture<?> send(Object event) {
            RoutingTarget target = configuration.determineTarget(event);
            Object payload = configuration.map(event);
            ProducerRecord<String, String> record = new ProducerRecord<>(target.getTarget(), key(target.getKey(), payload),
                    json.writeValueAsString(payload));
            record.headers().add(TYPE_HEADER, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
            return CompletableFuture.supplyAsync(() -> template.send(record), sender).thenCompose(sent -> sent);
        }

        @Override
        public void close() {
            sender.shutdown();
        }
    }

    /**
     * The record key: the routing target's key, evaluated against the event when it is an expression
     * ({@code #{institutionId()}}, read-only: the event's own accessors, nothing else).
     */
    static String key(String key, Object event) {
        if (key == null || !key.contains("#{")) {
            return key;
        }
        Object value = PARSER.parseExpression(key, ParserContext.TEMPLATE_EXPRESSION)
                .getValue(SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build(), event);
        return value == null ? null : value.toString();
    }

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    @Bean
    NewTopic complaintsTopic() {
        return new NewTopic(TOPICS.get(0), 3, (short) 1);
    }

    @Bean
    NewTopic alertsTopic() {
        return new NewTopic(TOPICS.get(1), 3, (short) 1);
    }

    @Bean
    NewTopic loansTopic() {
        return new NewTopic(TOPICS.get(2), 3, (short) 1);
    }
}
