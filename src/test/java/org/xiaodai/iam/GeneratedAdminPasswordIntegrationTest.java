package org.xiaodai.iam;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xiaodai.XiaodaiApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Without XIAODAI_BOOTSTRAP_ADMIN_PASSWORD the first start generates the admin's password and prints it exactly once. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminPasswordIntegrationTest {

    static final Pattern PRINTED = Pattern.compile("#     password:  (\\S+)");

    @Test
    void firstStartPrintsAGeneratedPasswordOnceAndRequiresAChange(CapturedOutput output) {
        Path dataDir = Path.of("target/test-pg/generated-admin-" + UUID.randomUUID());
        String password;
        try (ConfigurableApplicationContext context = start(dataDir)) {
            Matcher matcher = PRINTED.matcher(output.getOut());
            assertThat(matcher.find()).as("password printed on the console").isTrue();
            password = matcher.group(1);
            String out = output.getOut();
            assertThat(out.indexOf("block marked XIAODAI FIRST START above")).as("a reminder after the start-up lines")
                    .isGreaterThan(out.indexOf("XIAODAI FIRST START: the platform administrator was created"));
            JdbcClient jdbc = JdbcClient.create(context.getBean("operationsDataSource", javax.sql.DataSource.class));
            var admin = jdbc.sql("select password_hash, must_change_password from iam_user where username = 'admin'")
                    .query().singleRow();
            assertThat(context.getBean(PasswordEncoder.class).matches(password, (String) admin.get("password_hash"))).isTrue();
            assertThat(admin.get("must_change_password")).isEqualTo(true);
        }
        int printedBefore = count(output.getOut());
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(count(output.getOut())).as("not printed again on the second start").isEqualTo(printedBefore);
        }
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("the password appears once, in the banner")
                .hasSize(2);
    }

    private static int count(String out) {
        Matcher m = PRINTED.matcher(out);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        SpringApplication app = new SpringApplicationBuilder(XiaodaiApplication.class)
                .web(WebApplicationType.NONE).build();
        return app.run("--xiaodai.embedded-db.data-dir=" + dataDir, "--xiaodai.embedded-db.port=0",
                "--xiaodai.demo=false", "--logging.structured.format.console=",
                "--xiaodai.iam.bootstrap-admin-password="); // whatever XIAODAI_BOOTSTRAP_ADMIN_PASSWORD the shell has
    }
}
