package org.xiaodai.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data is ciphertext at rest (DOMAIN.md §8): after a customer and a related party are
 * entered and the cluster has checkpointed, no file of the database cluster — tables, indexes,
 * WAL, the server log — holds the ID number, mobile or card number, and neither does any table
 * or the audit trail's before/after.
 */
@IntegrationTest
class PersonalDataAtRestIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @Test
    void noDatabaseFileNorTableHoldsACustomersIdNumberMobileOrCardAfterACheckpoint() throws IOException {
        Api api = new Api(port);
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String idNumber = CustomerTestUtils.residentId();
        String mobile = CustomerTestUtils.mobile();
        String card = CustomerTestUtils.bankCard();
        String spouseId = CustomerTestUtils.residentId();
        Map<String, Object> body = CustomerTestUtils.individual(idNumber, mobile);
        body.put("bankCard", card);
        // a positive control: plain (non-sensitive) text of the same row must be found by the same scan
        String address = "control-" + java.util.UUID.randomUUID();
        body.put("address", address);
        String customer = CustomerTestUtils.create(api, officer, body);
        Api.Response party = api.post("/api/v1/customers/" + customer + "/related-parties", officer,
                Map.of("relation", "SPOUSE", "name", "测试配偶", "idNumber", spouseId));
        assertThat(party.status()).as(party.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/customers?idNumber=" + idNumber, officer).json()).hasSize(1);
        assertThat(api.get("/api/v1/customers/" + customer + "/pii", api.token("a-admin", Api.DEMO_PASSWORD)).status())
                .isEqualTo(200);

        jdbc.sql("checkpoint").update();
        jdbc.sql("select pg_switch_wal()").query(String.class).single();
        Path dataDir = Path.of(jdbc.sql("show data_directory").query(String.class).single());
        List<String> secrets = List.of(idNumber, mobile, card, spouseId);
        List<String> found = new ArrayList<>();
        int scanned = scan(dataDir, secrets, found);
        Path serverLog = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        if (Files.isRegularFile(serverLog)) {
            scanned += scanFile(serverLog, secrets, found);
        }
        assertThat(scanned).as("files scanned in %s", dataDir).isGreaterThan(100);
        assertThat(found).as("plaintext personal data in database files").isEmpty();
        List<String> control = new ArrayList<>();
        scan(dataDir, List.of(address), control);
        assertThat(control).as("the scan sees the row's plain columns on disk").isNotEmpty();
        assertThat(Files.list(dataDir.resolve("pg_wal")).count()).isPositive();

        for (String secret : secrets) {
            assertThat(jdbc.sql("select count(*) from audit_entry where before_state::text like ? or after_state::text like ?")
                    .params("%" + secret + "%", "%" + secret + "%").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from customer c where row_to_json(c)::text like ?")
                    .param("%" + secret + "%").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from customer_related_party p where row_to_json(p)::text like ?")
                    .param("%" + secret + "%").query(Long.class).single()).isZero();
        }
    }

    private static int scan(Path dir, List<String> secrets, List<String> found) throws IOException {
        int scanned = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                scanned += scanFile(file, secrets, found);
            }
        }
        return scanned;
    }

    private static int scanFile(Path file, List<String> secrets, List<String> found) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            return 0; // a temporary file the server removed meanwhile
        }
        for (String secret : secrets) {
            if (indexOf(bytes, secret.getBytes(StandardCharsets.US_ASCII)) >= 0) {
                found.add(file + " holds " + secret.substring(0, 4) + "…");
            }
        }
        return 1;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
