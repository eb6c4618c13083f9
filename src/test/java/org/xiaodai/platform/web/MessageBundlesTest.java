package org.xiaodai.platform.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles stay in step: the same keys in every language, and the Chinese one really Chinese. */
class MessageBundlesTest {

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties base = load("messages.properties");
        assertThat(load("messages_en.properties").keySet()).isEqualTo(base.keySet());
        assertThat(load("messages_zh_CN.properties").keySet()).isEqualTo(base.keySet());
    }

    @Test
    void everyLanguageHasEveryProblemText() throws IOException {
        Properties base = load("problems.properties");
        assertThat(load("problems_en.properties").keySet()).isEqualTo(base.keySet());
        assertThat(load("problems_zh_CN.properties").keySet()).isEqualTo(base.keySet());
    }

    /** Each module's own bundle family ({@code messages/<module>*.properties}, listed in application.yaml). */
    @ParameterizedTest
    @ValueSource(strings = {"console", "customer", "product", "scoring", "supervision", "risk", "servicing", "ledger", "notification", "collection", "portal"})
    void everyModuleBundleHasEveryKeyInEveryLanguage(String family) throws IOException {
        Properties base = load(family + ".properties");
        assertThat(load(family + "_en.properties").keySet()).isEqualTo(base.keySet());
        assertThat(load(family + "_zh_CN.properties").keySet()).isEqualTo(base.keySet());
        assertThat(base.stringPropertyNames()).allSatisfy(key -> assertThat(key).startsWith(family + "."));
    }

    @Test
    void everyModuleBundleIsOnTheMessageSourcePath() throws IOException {
        String yaml = new String(MessageBundlesTest.class.getResourceAsStream("/application.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        for (String family : new String[] {"console", "customer", "product", "scoring", "servicing", "ledger", "notification", "collection", "portal"}) {
            assertThat(yaml).contains("messages/" + family);
        }
    }

    @Test
    void everyProblemHasATitleAndADetail() throws IOException {
        Properties base = load("problems.properties");
        for (String key : base.stringPropertyNames()) {
            if (key.endsWith(".title")) {
                assertThat(base).containsKey(key.replaceAll("\\.title$", ".detail"));
            } else if (key.endsWith(".detail")) {
                assertThat(base).containsKey(key.replaceAll("\\.detail$", ".title"));
            }
        }
    }

    @Test
    void chineseTextIsReadUtf8() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.getProperty("nav.users")).isEqualTo("用户管理");
        assertThat(zh.getProperty("permission.iam:user:view")).isEqualTo("查看用户");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/messages/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
