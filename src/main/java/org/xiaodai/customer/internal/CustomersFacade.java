package org.xiaodai.customer.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.customer.BlacklistHit;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.Customers;

/** {@link Customers} for the other modules: inside the current transaction's tenant wall. */
@Component
class CustomersFacade implements Customers {

    private final ConsentService consents;
    private final BlacklistService blacklist;
    private final CustomerRepository repository;
    private final JdbcClient jdbc;

    CustomersFacade(ConsentService consents, BlacklistService blacklist, CustomerRepository repository, JdbcClient jdbc) {
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

    private Optional<byte[]> index(UUID customerId) {
        return jdbc.sql("select id_number_index from customer where id = ?").param(customerId).query(byte[].class).optional();
    }
}
