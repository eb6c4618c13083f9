package org.xiaodai.customer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.XiaodaiApplication;
import org.xiaodai.customer.domain.DataKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key-rotation command as docs/operations.md gives it: the demo region's customers are
 * written under the generated key, {@code rotate-data-key} exits with 0, every value is then
 * under the key file's new key and the old key is gone from the file.
 */
class PiiCommandsIntegrationTest {

    private final Path root = Path.of("target/pii-cli", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void rotateDataKeyReencryptsEveryValueUnderTheNewKeyOfTheKeyFile() {
        Path keyFile = root.resolve("xiaodai-data-keys.properties");
        String before;
        try (ConfigurableApplicationContext app = start("--xiaodai.demo=true")) {
            before = DataKey.fromBase64(DataKeyFile.loadOrCreate(keyFile).dataKey()).id();
            assertThat(keyIds(app)).containsOnly(before);
        }
        ConfigurableApplicationContext command = start("--xiaodai.demo=false", "--xiaodai.ops.command=rotate-data-key");
        List<String> after = keyIds(command);
        assertThat(SpringApplication.exit(command)).isZero();
        DataKeyFile rotated = DataKeyFile.loadOrCreate(keyFile);
        String now = DataKey.fromBase64(rotated.dataKey()).id();
        assertThat(now).isNotEqualTo(before);
        assertThat(after).containsOnly(now);
        assertThat(rotated.previous()).isEmpty();
    }

    private static List<String> keyIds(ConfigurableApplicationContext app) {
        JdbcClient jdbc = JdbcClient.create(app.getBean("operationsDataSource", DataSource.class));
        return jdbc.sql("""
                select id_number_key_id from customer union select mobile_key_id from customer where mobile_key_id is not null
                union select bank_card_key_id from customer where bank_card_key_id is not null""")
                .query(String.class).list();
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--xiaodai.embedded-db.data-dir=" + root.resolve("pg"), "--xiaodai.embedded-db.port=0",
                "--xiaodai.ops.exit=false", "--logging.structured.format.console=",
                "--xiaodai.iam.bootstrap-admin-password=Root@Test2026x"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(XiaodaiApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
