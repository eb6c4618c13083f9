package org.xiaodai.customer.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiaodai.customer.domain.DataKey;
import org.xiaodai.customer.domain.PiiCipher;

/**
 * The {@link PiiCipher} of the running application: keys from {@code XIAODAI_DATA_KEY},
 * {@code XIAODAI_INDEX_KEY} and {@code XIAODAI_PREVIOUS_DATA_KEYS} when set, else from the key
 * file generated at the first start ({@code xiaodai.data.key-file}, {@code ./data/xiaodai-data-keys.properties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataKeyProperties.class)
class DataKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataKeyConfiguration.class);

    @Bean
    PiiCipher piiCipher(DataKeyProperties properties) {
        if (properties.configured()) {
            if (properties.indexKey() == null || properties.indexKey().isBlank()) {
                throw new IllegalStateException("XIAODAI_INDEX_KEY must be set together with XIAODAI_DATA_KEY");
            }
            return cipher(properties.key(), properties.indexKey(), properties.previousKeys());
        }
        Path file = (properties.keyFile() == null ? Path.of("data", "xiaodai-data-keys.properties") : properties.keyFile()).normalize();
        DataKeyFile keys = DataKeyFile.loadOrCreate(file.toAbsolutePath());
        log.info("Personal data keys from the key file {} (set XIAODAI_DATA_KEY in production)", file);
        return cipher(keys.dataKey(), keys.indexKey(), keys.previous());
    }

    static PiiCipher cipher(String key, String indexKey, String previous) {
        List<DataKey> older = previous == null ? List.of() : Arrays.stream(previous.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(DataKey::fromBase64).toList();
        return new PiiCipher(DataKey.fromBase64(key), older, Base64.getDecoder().decode(indexKey.strip()));
    }
}
