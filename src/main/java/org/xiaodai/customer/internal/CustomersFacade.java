package org.xiaodai.customer.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.shared.tx.TransactionMemo;
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
    private final DocumentService documents;

    CustomersFacade(ConsentService consents, BlacklistService blacklist, CustomerRepository repository, JdbcClient jdbc,
                    PiiFields pii, DocumentService documents) {
        this.pii = pii;
        this.documents = documents;
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
    public java.util.Set<UUID> failingIdCheckDigits(LocalDate asOf) {
        java.util.Set<UUID> failing = new java.util.HashSet<>();
        jdbc.sql("select id, kind, id_number_cipher, id_number_key_id from customer").query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            String number;
            try {
                number = pii.open(rs.getBytes("id_number_cipher"), rs.getString("id_number_key_id"),
                        PiiFields.aad("customer", id, PiiFields.ID_NUMBER));
            } catch (RuntimeException unreadable) {
                failing.add(id);
                return;
            }
            boolean valid = CustomerKind.ENTERPRISE.name().equals(rs.getString("kind"))
                    ? org.xiaodai.shared.validation.UnifiedSocialCreditCode.validate(number).isValid()
                    : ResidentIdNumber.validate(number, asOf).isValid();
            if (!valid) {
                failing.add(id);
            }
        });
        return failing;
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
        return PROFILES.get(customerId, id -> jdbc.sql("select " + CustomerRepository.COLUMNS + """
                        ,
                        case when c.mobile_index is null then 0 else (select count(distinct o.id_number_index) from customer o
                              where o.mobile_index = c.mobile_index and o.id_number_index <> c.id_number_index) end
                          as sharing_mobile,
                        array(select r.related_customer_id from customer_related_party r
                              where r.customer_id = c.id and r.related_customer_id is not null) as related
                        from customer c where c.id = ?""")
                .param(id).query((rs, n) -> profile(ROW.mapRow(rs, n), rs.getInt("sharing_mobile"),
                        List.of((UUID[]) rs.getArray("related").getArray()))).optional());
    }

    private static final org.springframework.jdbc.core.DataClassRowMapper<CustomerRow> ROW =
            new org.springframework.jdbc.core.DataClassRowMapper<>(CustomerRow.class);

    /**
     * Profiles read in the current transaction: a submission and the contract it issues ask for the
     * same borrower (one statement and a decryption each). The customer module changes customers in
     * transactions of its own, never inside one that reads profiles through this facade.
     */
    private static final TransactionMemo<UUID, Optional<CustomerProfile>> PROFILES = new TransactionMemo<>("customer profiles");

    /**
     * The ID number's blind index per customer in the current transaction: a submission's blacklist
     * and multi-lending checks ask for the same customer whose profile it has read (which leaves the
     * index here), so neither reads it again. Never changed inside such a transaction (as above).
     */
    private static final TransactionMemo<UUID, byte[]> INDEXES = new TransactionMemo<>("customer id-number indexes");

    /** The profile of a stored customer: its row, how many other ID numbers share its mobile, its related customers. */
    private CustomerProfile profile(CustomerRow row, int sharingMobile, List<UUID> related) {
        LocalDate birthDate = null;
        String idRegion = null;
        if (row.kind() == CustomerKind.INDIVIDUAL) {
            String idNumber = pii.open(row).idNumber();
            if (ResidentIdNumber.validate(idNumber, LocalDate.of(2999, 12, 31)) instanceof ValidationResult.Valid<ResidentIdNumber> v) {
                birthDate = v.value().birthDate();
                idRegion = v.value().regionCode();
            }
        }
        if (row.idNumberIndex() != null) {
            INDEXES.get(row.id(), id -> row.idNumberIndex());
        }
        return new CustomerProfile(row.id(), row.kind(), row.name(), row.idNumberMasked(), row.mobileMasked(), birthDate,
                idRegion, row.regionCode(), row.monthlyIncome(), row.mobileIndex() == null ? 0 : sharingMobile, related);
    }

    private Optional<byte[]> index(UUID customerId) {
        return Optional.ofNullable(INDEXES.get(customerId, id -> jdbc.sql("select id_number_index from customer where id = ?")
                .param(id).query(byte[].class).optional().orElse(null)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> individualMatching(String idNumber, String mobile) {
        if (idNumber == null || mobile == null || !org.xiaodai.shared.validation.MobileNumber.validate(mobile.strip()).isValid()) {
            return Optional.empty();
        }
        String id = idNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (id.length() != 18) {
            return Optional.empty();
        }
        return jdbc.sql("select id from customer where kind = 'INDIVIDUAL' and id_number_index = ? and mobile_index = ?"
                        + " order by created_at limit 1")
                .params(pii.idNumberIndex(id), pii.mobileIndex(mobile.strip())).query(UUID.class).optional();
    }

    @Override
    public Optional<String> personKey(String idNumber, String mobile) {
        if (idNumber == null || mobile == null || !org.xiaodai.shared.validation.MobileNumber.validate(mobile.strip()).isValid()) {
            return Optional.empty();
        }
        String id = idNumber.strip().toUpperCase(java.util.Locale.ROOT);
        return id.length() != 18 ? Optional.empty() : Optional.of(pii.personKey(id, mobile.strip()));
    }

    @Override
    public Optional<String> personKeyOf(UUID customerId) {
        return jdbc.sql("""
                        select id_number_cipher, id_number_key_id, mobile_cipher, mobile_key_id from customer
                        where id = ? and kind = 'INDIVIDUAL' and mobile_cipher is not null""").param(customerId)
                .query((rs, n) -> pii.personKey(
                        pii.open(rs.getBytes(1), rs.getString(2), PiiFields.aad("customer", customerId, PiiFields.ID_NUMBER)),
                        pii.open(rs.getBytes(3), rs.getString(4), PiiFields.aad("customer", customerId, PiiFields.MOBILE))))
                .optional();
    }

    @Override
    public String keyedDigest(String purpose, String value) {
        return pii.keyedDigest(purpose, value);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> individualWithIdNumber(String idNumber) {
        if (idNumber == null || idNumber.strip().length() != 18) {
            return Optional.empty();
        }
        return jdbc.sql("select id from customer where kind = 'INDIVIDUAL' and id_number_index = ? order by created_at limit 1")
                .param(pii.idNumberIndex(idNumber.strip().toUpperCase(java.util.Locale.ROOT))).query(UUID.class).optional();
    }

    @Override
    @Transactional
    public void recordOwnConsent(UUID customerId, ConsentPurpose purpose, String textVersion, String actorName) {
        consents.grant(caller(customerId, actorName), customerId,
                new ConsentService.NewConsent(purpose.name(), ConsentService.Channel.ONLINE.name(), textVersion, null, null));
    }

    @Override
    @Transactional
    public UUID addOwnDocument(UUID customerId, String category, String fileName, byte[] content, String actorName) {
        return documents.upload(caller(customerId, actorName), customerId, category, fileName, content).id();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OwnDocument> documents(UUID customerId) {
        return jdbc.sql("select id, category, file_name, created_at from customer_document where customer_id = ? order by created_at desc")
                .param(customerId).query((rs, n) -> new OwnDocument(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** The customer as the actor inside their own institution (see {@link org.xiaodai.iam.CurrentUser#borrowerChannel}). */
    private org.xiaodai.iam.CurrentUser caller(UUID customerId, String actorName) {
        UUID institution = jdbc.sql("select institution_id from customer where id = ?").param(customerId).query(UUID.class)
                .optional().orElseThrow(() -> org.xiaodai.shared.problem.ProblemException.notFound("customer"));
        UUID actor = org.xiaodai.shared.Actor.current().map(org.xiaodai.shared.Actor::actorId).orElse(customerId);
        return org.xiaodai.iam.CurrentUser.borrowerChannel(institution, actor, actorName);
    }
}
