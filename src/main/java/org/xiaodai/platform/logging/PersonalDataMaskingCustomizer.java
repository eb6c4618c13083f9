package org.xiaodai.platform.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Plugs {@link PersonalDataScrubber} into Spring Boot's structured (JSON) logging: every string
 * value written — the message, the exception message, the stack trace, MDC values — passes
 * through the scrubber, so the standard {@code ecs} fields stay as they are but never carry an ID
 * number, card number, mobile number or password. Registered with
 * {@code logging.structured.json.customizer} in {@code application.yaml}.
 */
public class PersonalDataMaskingCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataScrubber::scrub));
    }
}
