package org.xiaodai.customer.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.customer.BlacklistHit;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.CustomerContact;
import org.xiaodai.customer.CustomerKind;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.shared.validation.ResidentIdNumber;
import org.xiaodai.shared.validation.ValidationResult;

/** {@link Customers} for the other modules: inside the current transaction's tenant wall. */
@Component
class CustomersFacade implements Customers {

    private final ConsentService consents;
    private final BlacklistService blacklist;
    private final CustomerRepository repository;
    private final JdbcClient jdbc;
    private final PiiFields pii;

    CustomersFacade(ConsentService consents, BlacklistService blacklist, CustomerRepository repository, JdbcClient jdbc,
                    PiiFields pii) {
        this.pii = pii;
        this.consents = consents;
        this.blacklist = blacklist;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasLiveConsent(UUID customerId, ConsentPurpose purpose) {
        return consents.hasLiveConsent(customerId, purpose);
    }

    @Override
    @Transactional(readOnly = true)
    public BlacklistHit blacklist(UUID customerId) {
        return index(customerId).map(blacklist::checkIndex).orElse(new BlacklistHit(false, java.util.List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public int institutionsElsewhere(UUID customerId) {
        return index(customerId).map(repository::institutionsElsewhere).orElse(0);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> mobileForDelivery(UUID customerId) {
        return jdbc.sql("select mobile_cipher, mobile_key_id from customer where id = ? and mobile_cipher is not null")
                .param(customerId)
                .query((rs, n) -> pii.open(rs.getBytes(1), rs.getString(2), PiiFields.aad("customer", customerId, PiiFields.MOBILE)))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<CustomerContact> contacts(UUID customerId) {
        java.util.List<CustomerContact> contacts = new java.util.ArrayList<>(jdbc.sql(
                        "select id, name, mobile_masked from customer where id = ?").param(customerId)
                .query((rs, n) -> new CustomerContact(rs.getObject(1, UUID.class), true, null, rs.getString(2), rs.getString(3)))
                .list());
        if (!contacts.isEmpty()) {
            contacts.addAll(jdbc.sql("""
                            select id, relation, name, mobile_masked from customer_related_party
                            where customer_id = ? order by created_at, id""").param(customerId)
                    .query((rs, n) -> new CustomerContact(rs.getObject(1, UUID.class), false, rs.getString(2),
                            rs.getString(3), rs.getString(4)))
                    .list());
        }
        return contacts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> profile(UUID customerId) {
        Optional<CustomerRow> found = jdbc.sql("select " + CustomerRepository.COLUMNS + " from customer c where c.id = ?")
                .param(customerId).query(CustomerRow.class).optional();
        return found.map(this::profile);
    }

    private CustomerProfile profile(CustomerRow row) {
        LocalDate birthDate = null;
        String idRegion = null;
        if (row.kind() == CustomerKind.INDIVIDUAL) {
            String idNumber = pii.open(row).idNumber();
            if (ResidentIdNumber.validate(idNumber, LocalDate.of(2999, 12, 31)) instanceof ValidationResult.Valid<ResidentIdNumber> v) {
                birthDate = v.value().birthDate();
                idRegion = v.value().regionCode();
            }
        }
        int sharing = row.mobileIndex() == null ? 0 : jdbc.sql("""
                select count(distinct id_number_index) from customer
                where mobile_index = ? and id_number_index <> ?""")
                .params(row.mobileIndex(), row.idNumberIndex()).query(Integer.class).single();
        List<UUID> related = jdbc.sql("""
                select related_customer_id from customer_related_party
                where customer_id = ? and related_customer_id is not null""").param(row.id()).query(UUID.class).list();
        return new CustomerProfile(row.id(), row.kind(), row.name(), row.idNumberMasked(), row.mobileMasked(), birthDate,
                idRegion, row.regionCode(), row.monthlyIncome(), sharing, related);
    }

    private Optional<byte[]> index(UUID customerId) {
        return jdbc.sql("select id_number_index from customer where id = ?").param(customerId).query(byte[].class).optional();
    }
}
