package org.xiaodai.customer.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.iam.DataScope;

/**
 * SQL for customers. Every read runs inside the tenant wall (row-level security) and, where it
 * serves a user, inside the caller's {@link DataScope} (branch subtree, own customers).
 */
@Repository
class CustomerRepository {

    static final String COLUMNS = """
            c.id, c.institution_id, c.kind, c.name, c.id_number_cipher, c.id_number_key_id, c.id_number_index,
            c.id_number_masked, c.mobile_cipher, c.mobile_key_id, c.mobile_index, c.mobile_masked, c.bank_card_cipher,
            c.bank_card_key_id, c.bank_card_masked, c.bank_card_luhn_warning, c.region_code, c.address, c.industry_code,
            c.employer, c.monthly_income, c.legal_representative, c.registered_capital, c.branch_path, c.owner_id,
            c.created_at""";
    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CustomerRow r) {
        jdbc.sql("""
                insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                    id_number_masked, mobile_cipher, mobile_key_id, mobile_index, mobile_masked, bank_card_cipher,
                    bank_card_key_id, bank_card_masked, bank_card_luhn_warning, region_code, address, industry_code,
                    employer, monthly_income, legal_representative, registered_capital, branch_path, owner_id,
                    created_at, updated_at)
                values (:id, :institutionId, :kind, :name, :idCipher, :idKey, :idIndex, :idMasked, :mobileCipher,
                    :mobileKey, :mobileIndex, :mobileMasked, :cardCipher, :cardKey, :cardMasked, :luhn, :region,
                    :address, :industry, :employer, :income, :legalRep, :capital, :branchPath, :owner, :at, :at)
                """)
                .param("id", r.id()).param("institutionId", r.institutionId()).param("kind", r.kind().name())
                .param("name", r.name()).param("idCipher", r.idNumberCipher()).param("idKey", r.idNumberKeyId())
                .param("idIndex", r.idNumberIndex()).param("idMasked", r.idNumberMasked())
                .param("mobileCipher", r.mobileCipher()).param("mobileKey", r.mobileKeyId())
                .param("mobileIndex", r.mobileIndex()).param("mobileMasked", r.mobileMasked())
                .param("cardCipher", r.bankCardCipher()).param("cardKey", r.bankCardKeyId())
                .param("cardMasked", r.bankCardMasked()).param("luhn", r.bankCardLuhnWarning())
                .param("region", r.regionCode()).param("address", r.address()).param("industry", r.industryCode())
                .param("employer", r.employer()).param("income", r.monthlyIncome())
                .param("legalRep", r.legalRepresentative()).param("capital", r.registeredCapital())
                .param("branchPath", r.branchPath()).param("owner", r.ownerId())
                .param("at", java.sql.Timestamp.from(r.createdAt()))
                .update();
    }

    /** The institution's customer with this ID number (blind index), whoever in the institution owns it. */
    Optional<CustomerRow> byIdNumberIndex(UUID institutionId, byte[] index) {
        return jdbc.sql("select " + COLUMNS + " from customer c where c.institution_id = ? and c.id_number_index = ?")
                .params(institutionId, index).query(CustomerRow.class).optional();
    }

    Optional<CustomerRow> inScope(DataScope scope, UUID id) {
        DataScope.Predicate p = scope.predicate("c", "branch_path", "owner_id");
        return jdbc.sql("select " + COLUMNS + " from customer c where c.id = :id and " + p.sql())
                .params(p.parameters()).param("id", id).query(CustomerRow.class).optional();
    }

    /**
     * Customers in scope matching a search: an exact ID number or mobile (blind index), the last
     * digits of the masked ID number, or a part of the name; newest first.
     */
    List<CustomerRow> search(DataScope scope, byte[] idIndex, byte[] mobileIndex, String nameOrDigits, int limit) {
        DataScope.Predicate p = scope.predicate("c", "branch_path", "owner_id");
        String where;
        Map<String, Object> params = new java.util.HashMap<>(p.parameters());
        if (idIndex != null) {
            where = "c.id_number_index = :idIndex";
            params.put("idIndex", idIndex);
        } else if (mobileIndex != null) {
            where = "c.mobile_index = :mobileIndex";
            params.put("mobileIndex", mobileIndex);
        } else if (nameOrDigits != null && !nameOrDigits.isBlank()) {
            where = "(c.name like :like escape '\\' or c.id_number_masked like :suffix escape '\\')";
            String term = nameOrDigits.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("like", "%" + term + "%");
            params.put("suffix", "%" + term);
        } else {
            where = "true";
        }
        return jdbc.sql("select " + COLUMNS + " from customer c where " + where + " and " + p.sql()
                        + " order by c.created_at desc, c.id limit :limit")
                .params(params).param("limit", limit).query(CustomerRow.class).list();
    }

    long count(DataScope scope) {
        DataScope.Predicate p = scope.predicate("c", "branch_path", "owner_id");
        return jdbc.sql("select count(*) from customer c where " + p.sql()).params(p.parameters())
                .query(Long.class).single();
    }

    /** How many other customers of the institution share this mobile (关联方：同一联系电话). */
    long sameMobile(UUID customerId, byte[] mobileIndex) {
        return mobileIndex == null ? 0 : jdbc.sql("select count(*) from customer where mobile_index = ? and id <> ?")
                .params(mobileIndex, customerId).query(Long.class).single();
    }

    /** How many other institutions hold this ID number: the narrow cross-tenant function, a count only. */
    int institutionsElsewhere(byte[] index) {
        return jdbc.sql("select customer_institutions_elsewhere(?)").param(index).query(Integer.class).single();
    }
}
