package org.xiaodai.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the real logback pipeline as configured by {@code application.yaml} (ECS JSON on the
 * console plus our customizer) in a context without the test profile, which turns JSON off.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingPersonalDataIntegrationTest {

    private static final List<String> RAW = List.of("360402199001010071", "6222021234567890123", "13812345678",
            "s3cret", "hunter2");

    @Test
    void jsonLogLinesNeverContainPersonalData(CapturedOutput output) {
        // Spring Boot configures logback once per JVM until a clean-up; contexts cached by other
        // tests (plain-text test profile) would otherwise keep their configuration in force here
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).run("--spring.main.banner-mode=off", "--xiaodai.log-format=json")) {
            Logger log = LoggerFactory.getLogger("org.xiaodai.pii-probe");
            log.info("borrower 张三 id 360402199001010071 card 6222021234567890123 mobile 13812345678");
            log.info("login request user=li password=s3cret");
            log.warn("payload {\"user\":\"li\",\"password\":\"hunter2\"}");
            log.error("repayment failed", new IllegalStateException("card 6222021234567890123 declined for 13812345678"));
        }

        List<JsonNode> lines = output.getOut().lines().filter(l -> l.contains("pii-probe"))
                .map(line -> JsonMapper.shared().readTree(line)).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.has("@timestamp")).isTrue();
            assertThat(line.path("log").path("level").asString()).isNotEmpty();
            assertThat(line.toString()).doesNotContain(RAW);
        });
        assertThat(lines.get(0).path("message").asString())
                .isEqualTo("borrower 张三 id 3604**********0071 card 622202*********0123 mobile 138****5678");
        assertThat(lines.get(1).path("message").asString()).endsWith("password=******");
        assertThat(lines.get(2).path("message").asString()).contains("\"password\":\"******\"");
        JsonNode error = lines.get(3).path("error");
        assertThat(error.path("message").asString()).isEqualTo("card 622202*********0123 declined for 138****5678");
        assertThat(error.path("stack_trace").asString()).contains("622202*********0123").contains("IllegalStateException");
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void theDefaultConsoleLogIsReadableTextWithoutPersonalData(CapturedOutput output) {
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).run("--spring.main.banner-mode=off")) {
            Logger log = LoggerFactory.getLogger("org.xiaodai.pii-probe");
            log.info("borrower 张三 id 360402199001010071 mobile 13812345678");
            log.error("repayment failed", new IllegalStateException("card 6222021234567890123 declined"));
        }
        List<String> lines = output.getOut().lines().filter(l -> l.contains("pii-probe")).toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).doesNotStartWith("{").doesNotContain(RAW));
        assertThat(lines.get(0)).matches("\\d{4}-\\d{2}-\\d{2}T.* INFO \\d+ --- \\[.+] .*org.xiaodai.pii-probe +: "
                + "borrower 张三 id 3604\\*{10}0071 mobile 138\\*{4}5678");
        assertThat(output.getOut()).contains("IllegalStateException: card 622202*********0123 declined");
    }
}
