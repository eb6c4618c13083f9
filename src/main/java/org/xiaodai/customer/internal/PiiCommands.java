package org.xiaodai.customer.internal;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiaodai.customer.domain.PiiCipher;
import org.xiaodai.shared.ops.OperationsCommand;

/**
 * The operations commands of personal-data encryption (docs/operations.md, "Personal data"):
 * <ul>
 * <li>{@code reencrypt-pii}: every value sealed under an older key (listed in
 * {@code XIAODAI_PREVIOUS_DATA_KEYS} or the key file's {@code previous}) moves to the current one;</li>
 * <li>{@code rotate-data-key}: for the generated key file only — a new current key is written to
 * the file (the old one kept as previous), every value is re-encrypted under it, and then the old
 * key is dropped from the file.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PiiCommands {

    @Bean
    OperationsCommand reencryptPiiCommand(PiiReencryption reencryption, PiiCipher cipher) {
        return new OperationsCommand() {
            @Override
            public String name() {
                return "reencrypt-pii";
            }

            @Override
            public String run() {
                int moved = reencryption.reencrypt(cipher);
                return "values re-encrypted=" + moved + " under key " + cipher.currentKeyId()
                        + "; values per key now " + reencryption.valuesPerKey();
            }
        };
    }

    @Bean
    OperationsCommand rotateDataKeyCommand(PiiReencryption reencryption, DataKeyProperties properties) {
        return new OperationsCommand() {
            @Override
            public String name() {
                return "rotate-data-key";
            }

            @Override
            public String run() {
                if (properties.configured()) {
                    throw new IllegalStateException("The data key comes from XIAODAI_DATA_KEY: set the new key there, "
                            + "the old one in XIAODAI_PREVIOUS_DATA_KEYS, and run reencrypt-pii");
                }
                return rotate(reencryption, properties.keyFile().normalize().toAbsolutePath());
            }
        };
    }

    /** Rotates the key file's data key and re-encrypts everything under the new one. */
    static String rotate(PiiReencryption reencryption, Path file) {
        DataKeyFile rotated = DataKeyFile.loadOrCreate(file).rotated();
        rotated.writeTo(file);
        PiiCipher cipher = DataKeyConfiguration.cipher(rotated.dataKey(), rotated.indexKey(), rotated.previous());
        int moved = reencryption.reencrypt(cipher);
        new DataKeyFile(rotated.dataKey(), rotated.indexKey(), "").writeTo(file);
        return "new data key " + cipher.currentKeyId() + "; values re-encrypted=" + moved;
    }
}
