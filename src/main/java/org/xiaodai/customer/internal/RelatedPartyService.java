package org.xiaodai.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.domain.CustomerRules;
import org.xiaodai.customer.domain.SealedValue;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.Masking;
import org.xiaodai.shared.validation.MobileNumber;
import org.xiaodai.shared.validation.Violation;

/**
 * Related parties (关联方) of a customer: spouse, shareholder, legal representative, guarantor, or
 * a person sharing the contact phone. Their ID numbers and mobiles are encrypted like the
 * customer's own; {@code relatedCustomerId} links one who is a customer too.
 */
@Service
public class RelatedPartyService {

    /** How the party relates to the customer. */
    public enum Relation { SPOUSE, SHAREHOLDER, LEGAL_REPRESENTATIVE, GUARANTOR, SAME_CONTACT_PHONE }

    private static final String TABLE = "customer_related_party";
    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final PiiFields pii;
    private final AuditTrail audit;
    private final Clock clock;
    private final Today today;

    RelatedPartyService(JdbcClient jdbc, CustomerService customers, PiiFields pii, AuditTrail audit, Clock clock,
                        Today today) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.pii = pii;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
    }

    @Schema(description = "A related party, its identifiers masked.")
    public record RelatedParty(UUID id, Relation relation, String name,
                               @Schema(example = "3604**********0071") @Nullable String idNumber,
                               @Schema(example = "138****5678") @Nullable String mobile,
                               @Nullable UUID relatedCustomerId, Instant createdAt) {
    }

    /** A party to add; the ID number (resident ID or USCC) and mobile are optional. */
    public record NewRelatedParty(String relation, String name, String idNumber, String mobile, UUID relatedCustomerId) {
    }

    @Transactional
    public RelatedParty add(CurrentUser caller, UUID customerId, NewRelatedParty in) {
        CustomerRow customer = customers.row(caller, customerId);
        List<Violation> errors = new ArrayList<>();
        Relation relation = ConsentService.oneOf(Relation.class, "relation", in.relation(), errors);
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > CustomerRules.MAX_NAME) {
            errors.add(new Violation("name", name.isEmpty() ? "required" : "size",
                    name.isEmpty() ? "problem.field.required" : "problem.field.size",
                    name.isEmpty() ? List.of() : List.of(1, CustomerRules.MAX_NAME)));
        }
        String idNumber = blank(in.idNumber()) ? null
                : CustomerRules.anyIdNumber(in.idNumber(), today.of(customer.institutionId()), errors);
        String mobile = null;
        if (!blank(in.mobile())) {
            var result = MobileNumber.validate(in.mobile()).forField("mobile");
            errors.addAll(result.errors());
            mobile = result.toOptional().map(MobileNumber::value).orElse(null);
        }
        if (in.relatedCustomerId() != null && !in.relatedCustomerId().equals(customerId)) {
            customers.row(caller, in.relatedCustomerId());
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        SealedValue sealedId = pii.seal(TABLE, id, PiiFields.ID_NUMBER, idNumber);
        SealedValue sealedMobile = pii.seal(TABLE, id, PiiFields.MOBILE, mobile);
        jdbc.sql("""
                insert into customer_related_party (id, institution_id, customer_id, relation, name, id_number_cipher,
                    id_number_key_id, id_number_index, id_number_masked, mobile_cipher, mobile_key_id, mobile_masked,
                    related_customer_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customer.institutionId(), customerId, relation.name(), name,
                        sealedId == null ? null : sealedId.ciphertext(), sealedId == null ? null : sealedId.keyId(),
                        idNumber == null ? null : pii.idNumberIndex(idNumber),
                        idNumber == null ? null : PiiFields.maskId(idNumber),
                        sealedMobile == null ? null : sealedMobile.ciphertext(),
                        sealedMobile == null ? null : sealedMobile.keyId(), Masking.maskMobile(mobile),
                        in.relatedCustomerId(), java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditRecord.created("customer.related-party.added", "customer-related-party", id,
                customer.institutionId(), Map.of("customerId", customerId.toString(), "relation", relation.name(),
                        "name", name)));
        return of(caller, customerId).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<RelatedParty> of(CurrentUser caller, UUID customerId) {
        customers.row(caller, customerId);
        return jdbc.sql("""
                select id, relation, name, id_number_masked, mobile_masked, related_customer_id, created_at
                from customer_related_party where customer_id = ? order by created_at, id""").param(customerId)
                .query((rs, n) -> new RelatedParty(rs.getObject("id", UUID.class), Relation.valueOf(rs.getString("relation")),
                        rs.getString("name"), rs.getString("id_number_masked"), rs.getString("mobile_masked"),
                        rs.getObject("related_customer_id", UUID.class), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
