package org.xiaodai.platform.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.InstallmentsOverdue;
import org.xiaodai.servicing.LoanGradeChanged;
import org.xiaodai.servicing.LoanGradesChanged;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.servicing.RepaymentsReceived;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of repayments leaves for Kafka as one {@code RepaymentReceived} record per repayment, keyed by loan, in order. */
class KafkaFeedBatchTest {

    static class Capturing extends KafkaTemplate<String, String> {
        final List<ProducerRecord<String, String>> sent = new ArrayList<>();

        Capturing() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            synchronized (sent) {
                sent.add(record);
            }
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }

    @Test
    void aBatchGoesOutAsOneRecordPerRepaymentAsIfEachHadBeenPublishedAlone() throws Exception {
        Capturing template = new Capturing();
        EventExternalizationConfiguration configuration = EventExternalizationConfiguration.defaults(List.of("org.xiaodai"))
                .build();
        UUID inst = UUID.randomUUID();
        LocalDate day = LocalDate.of(2025, 4, 1);
        List<RepaymentReceived> repayments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            repayments.add(new RepaymentReceived(UUID.randomUUID(), UUID.randomUUID(), inst, day, new BigDecimal(100 + i),
                    "WITHHOLDING", BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal(99 + i), BigDecimal.ZERO));
        }
        try (KafkaFeedConfiguration.OrderedKafkaFeed feed = new KafkaFeedConfiguration.OrderedKafkaFeed(configuration, template)) {
            RepaymentsReceived batch = new RepaymentsReceived(inst, day, repayments);
            assertThat(feed.supports(batch)).isTrue();
            feed.externalize(batch).get(10, TimeUnit.SECONDS);
            feed.externalize(repayments.getFirst()).get(10, TimeUnit.SECONDS);
        }
        assertThat(template.sent).hasSize(4);
        for (int i = 0; i < 4; i++) {
            ProducerRecord<String, String> record = template.sent.get(i);
            RepaymentReceived expected = repayments.get(i % 3);
            assertThat(record.topic()).isEqualTo("xiaodai.servicing.loans");
            assertThat(record.key()).isEqualTo(expected.loanId().toString());
            assertThat(new String(record.headers().lastHeader(KafkaFeedConfiguration.TYPE_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo("RepaymentReceived");
            assertThat(record.value()).contains(expected.transactionId().toString()).doesNotContain("repayments");
        }
        // the single event and its copy inside the batch are the same record
        assertThat(template.sent.get(3).value()).isEqualTo(template.sent.get(0).value());
    }

    /** End of day's overdue marking: each loan's grade change and its falling overdue leave as their own records, in that order. */
    @Test
    void overdueAndGradeBatchesGoOutAsOneRecordPerLoan() throws Exception {
        Capturing template = new Capturing();
        EventExternalizationConfiguration configuration = EventExternalizationConfiguration.defaults(List.of("org.xiaodai"))
                .build();
        UUID inst = UUID.randomUUID();
        LocalDate day = LocalDate.of(2025, 4, 2);
        List<LoanGradeChanged> grades = new ArrayList<>();
        List<InstallmentOverdue> overdue = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            UUID loan = UUID.randomUUID();
            grades.add(new LoanGradeChanged(loan, inst, day, "NORMAL", "SPECIAL_MENTION", "DAYS_PAST_DUE", 1));
            overdue.add(new InstallmentOverdue(loan, inst, UUID.randomUUID(), null, day.minusDays(1), day, 1,
                    new BigDecimal("100.00"), new BigDecimal("6.00")));
        }
        try (KafkaFeedConfiguration.OrderedKafkaFeed feed = new KafkaFeedConfiguration.OrderedKafkaFeed(configuration, template)) {
            LoanGradesChanged gradeBatch = new LoanGradesChanged(inst, day, grades);
            InstallmentsOverdue overdueBatch = new InstallmentsOverdue(inst, day, overdue);
            assertThat(feed.supports(gradeBatch)).isTrue();
            assertThat(feed.supports(overdueBatch)).isTrue();
            feed.externalize(gradeBatch).get(10, TimeUnit.SECONDS);
            feed.externalize(overdueBatch).get(10, TimeUnit.SECONDS);
        }
        assertThat(template.sent).hasSize(4);
        for (int i = 0; i < 4; i++) {
            ProducerRecord<String, String> record = template.sent.get(i);
            boolean grade = i < 2;
            UUID loan = grade ? grades.get(i).loanId() : overdue.get(i - 2).loanId();
            assertThat(record.topic()).isEqualTo("xiaodai.servicing.loans");
            assertThat(record.key()).isEqualTo(loan.toString());
            assertThat(new String(record.headers().lastHeader(KafkaFeedConfiguration.TYPE_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo(grade ? "LoanGradeChanged" : "InstallmentOverdue");
            assertThat(record.value()).contains(loan.toString()).doesNotContain("changes").doesNotContain("\"loans\"");
        }
    }
}
