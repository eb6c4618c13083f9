package org.xiaodai.customer.internal;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.customer.domain.DataKey;
import org.xiaodai.customer.domain.PiiCipher;
import org.xiaodai.customer.domain.SealedValue;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Key rotation: every value sealed under the old key moves to the new one and still opens to the same plaintext. */
@IntegrationTest
class PiiReencryptionIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    PiiReencryption reencryption;
    @Autowired
    PiiCipher current;
    @Autowired
    DataKeyProperties properties;
    JdbcClient jdbc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @Test
    void reencryptionUnderANewKeyMovesEveryValueAndKeepsThePlaintextAndTheBlindIndex() {
        Api api = new Api(port);
        String idNumber = CustomerTestUtils.residentId();
        String customer = CustomerTestUtils.create(api, api.token("a-officer", Api.DEMO_PASSWORD),
                CustomerTestUtils.individual(idNumber, CustomerTestUtils.mobile()));
        var keys = DataKeyFile.loadOrCreate(properties.keyFile().normalize().toAbsolutePath());
        DataKey newKey = DataKey.fromBase64(DataKeyFile.randomKey());
        PiiCipher rotated = new PiiCipher(newKey, java.util.List.of(DataKey.fromBase64(keys.dataKey())),
                java.util.Base64.getDecoder().decode(keys.indexKey()));
        byte[] indexBefore = index(customer);

        int moved = reencryption.reencrypt(rotated);

        assertThat(moved).isGreaterThanOrEqualTo(2);
        Map<String, Object> row = jdbc.sql("select id_number_cipher, id_number_key_id, mobile_key_id from customer where id = ?::uuid")
                .param(customer).query().singleRow();
        assertThat(row.get("id_number_key_id")).isEqualTo(newKey.id());
        assertThat(row.get("mobile_key_id")).isEqualTo(newKey.id());
        String aad = PiiFields.aad("customer", UUID.fromString(customer), PiiFields.ID_NUMBER);
        assertThat(rotated.open(new SealedValue(newKey.id(), (byte[]) row.get("id_number_cipher")), aad)).isEqualTo(idNumber);
        assertThat(index(customer)).isEqualTo(indexBefore);
        assertThat(jdbc.sql("select count(*) from customer where id_number_key_id <> ?").param(newKey.id())
                .query(Long.class).single()).isZero();

        // and back, so the application's own key reads everything again for the other tests
        PiiCipher back = new PiiCipher(DataKey.fromBase64(keys.dataKey()), java.util.List.of(newKey),
                java.util.Base64.getDecoder().decode(keys.indexKey()));
        reencryption.reencrypt(back);
        assertThat(jdbc.sql("select count(*) from customer where id_number_key_id <> ?").param(current.currentKeyId())
                .query(Long.class).single()).isZero();
    }

    private byte[] index(String customer) {
        return jdbc.sql("select id_number_index from customer where id = ?::uuid").param(customer).query(byte[].class).single();
    }
}
