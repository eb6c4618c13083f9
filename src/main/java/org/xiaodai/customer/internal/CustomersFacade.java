package org.xiaodai.customer.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.customer.BlacklistHit;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.CustomerContact;
import org.xiaodai.customer.Customers;

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

    private Optional<byte[]> index(UUID customerId) {
        return jdbc.sql("select id_number_index from customer where id = ?").param(customerId).query(byte[].class).optional();
    }
}
