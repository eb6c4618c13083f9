package org.xiaodai.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code messages/validation} bundles: complete, in step, and really UTF-8 Chinese. */
class ValidationMessagesTest {

    private static final Properties DEFAULT = load("messages/validation.properties");
    private static final Properties ENGLISH = load("messages/validation_en.properties");
    private static final Properties CHINESE = load("messages/validation_zh_CN.properties");

    /** Inputs that together break every rule of every validator. */
    static Stream<Violation> everyViolation() {
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        return Stream.of(
                Stream.of(null, "1", "36042619910101007Y", "990426199902300071", "360426202507010017")
                        .map(raw -> ResidentIdNumber.validate(raw, asOf)),
                Stream.of(null, "1", "9111000060003734IL", "91110000600037341M").map(UnifiedSocialCreditCode::validate),
                Stream.of(null, "1", "622202123456789A", "6222021234567891").map(BankCardNumber::validate),
                Stream.of(null, "1", "12800138000").map(MobileNumber::validate),
                Stream.of(null, "1e3").map(DecimalNumber::validate))
                .flatMap(s -> s)
                .flatMap(result -> Stream.concat(result.errors().stream(), result.warnings().stream()));
    }

    @Test
    void coversEveryRuleCode() {
        assertThat(everyViolation().map(Violation::rule).distinct())
                .containsExactlyInAnyOrder("required", "length", "format", "region", "birthDate", "checkDigit", "luhn",
                        "decimalFormat");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyViolation")
    void hasATextInEveryLanguageForEveryViolation(Violation violation) {
        assertThat(CHINESE).containsKey(violation.messageKey());
        assertThat(ENGLISH).containsKey(violation.messageKey());
        assertThat(DEFAULT).containsKey(violation.messageKey());
    }

    @Test
    void keepsTheBundlesInStep() {
        assertThat(CHINESE.keySet()).isEqualTo(ENGLISH.keySet());
        assertThat(DEFAULT).isEqualTo(ENGLISH);
    }

    @Test
    void writesChineseAsRealUtf8Characters() {
        assertThat(CHINESE.getProperty("validation.residentId.checkDigit")).contains("身份证号码校验位");
        assertThat(CHINESE.values()).allSatisfy(text -> assertThat((String) text).containsPattern("\\p{IsHan}"));
    }

    @Test
    void fillsArgumentsIntoTheMessage() {
        Violation length = ResidentIdNumber.validate("1", LocalDate.of(2025, 6, 30)).errors().getFirst();

        assertThat(format(CHINESE, length, Locale.SIMPLIFIED_CHINESE)).isEqualTo("身份证号码应为 18 位，实际为 1 位");
        assertThat(format(ENGLISH, length, Locale.ENGLISH))
                .isEqualTo("The resident ID number must have 18 characters, not 1");
    }

    private static String format(Properties bundle, Violation violation, Locale locale) {
        return new MessageFormat(bundle.getProperty(violation.messageKey()), locale).format(violation.argsArray());
    }

    private static Properties load(String resource) {
        try (InputStream in = ValidationMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
