package org.xiaodai.customer.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.domain.PiiCipher;
import org.xiaodai.customer.domain.SealedValue;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Moves every encrypted value (customers' and related parties' ID numbers, mobiles, bank cards)
 * that is sealed under an older data key to the current one of the given cipher, in one
 * region-wide transaction: either every value moves or none does. Blind indexes and masked forms
 * do not change (the index key does not rotate).
 */
@Component
class PiiReencryption {

    /** One encrypted column of one table: its ciphertext and key id columns and the field named in the associated data. */
    record Column(String table, String cipherColumn, String keyColumn, String field) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("customer", "id_number_cipher", "id_number_key_id", PiiFields.ID_NUMBER),
            new Column("customer", "mobile_cipher", "mobile_key_id", PiiFields.MOBILE),
            new Column("customer", "bank_card_cipher", "bank_card_key_id", PiiFields.BANK_CARD),
            new Column("customer_related_party", "id_number_cipher", "id_number_key_id", PiiFields.ID_NUMBER),
            new Column("customer_related_party", "mobile_cipher", "mobile_key_id", PiiFields.MOBILE));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PiiReencryption(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Re-encrypts under {@code cipher}'s current key; returns how many values moved. */
    int reencrypt(PiiCipher cipher) {
        return TenantWall.regionWide(() -> transactions.execute(tx -> {
            int moved = 0;
            for (Column column : COLUMNS) {
                moved += reencrypt(cipher, column);
            }
            return moved;
        }));
    }

    private int reencrypt(PiiCipher cipher, Column c) {
        record Stale(UUID id, byte[] ciphertext, String keyId) {
        }
        List<Stale> stale = jdbc.sql("select id, " + c.cipherColumn() + ", " + c.keyColumn() + " from " + c.table()
                        + " where " + c.cipherColumn() + " is not null and " + c.keyColumn() + " <> ? for update")
                .param(cipher.currentKeyId())
                .query((rs, n) -> new Stale(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3))).list();
        for (Stale s : stale) {
            String aad = PiiFields.aad(c.table(), s.id(), c.field());
            SealedValue fresh = cipher.seal(cipher.open(new SealedValue(s.keyId(), s.ciphertext()), aad), aad);
            jdbc.sql("update " + c.table() + " set " + c.cipherColumn() + " = ?, " + c.keyColumn() + " = ? where id = ?")
                    .params(fresh.ciphertext(), fresh.keyId(), s.id()).update();
        }
        return stale.size();
    }

    /** How many values are sealed under each key id, for the command's report. */
    java.util.Map<String, Long> valuesPerKey() {
        return TenantWall.regionWide(() -> transactions.execute(tx -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            for (Column c : COLUMNS) {
                jdbc.sql("select " + c.keyColumn() + ", count(*) from " + c.table() + " where " + c.keyColumn()
                                + " is not null group by 1")
                        .query((rs, n) -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
            }
            return counts;
        }));
    }
}
