package org.xiaodai.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.domain.SniffedType;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.Violation;

/**
 * A customer's documents (ID images, income proof, business licence): JPEG, PNG or PDF as the
 * bytes say, at most {@code xiaodai.customer.max-document-size}, kept in the database and listed
 * per customer.
 */
@Service
public class DocumentService {

    /** What a document proves. */
    public enum Category { ID_IMAGE, INCOME_PROOF, BUSINESS_LICENCE, OTHER }

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxSize;

    DocumentService(JdbcClient jdbc, CustomerService customers, AuditTrail audit, Clock clock,
                    @Value("${xiaodai.customer.max-document-size:5MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.maxSize = maxSize.toBytes();
    }

    @Schema(description = "A document on file for a customer (the bytes are downloaded from the customer page).")
    public record Document(UUID id, Category category, String fileName,
                           @Schema(description = "As sniffed from the bytes.", example = "image/jpeg") String mediaType,
                           long sizeBytes, String sha256, Instant createdAt) {
    }

    /** The bytes of one document and the media type they were recognised as. */
    public record Content(String fileName, String mediaType, byte[] bytes) {
    }

    @Transactional
    public Document upload(CurrentUser caller, UUID customerId, String category, String fileName, byte[] content) {
        CustomerRow customer = customers.row(caller, customerId);
        List<Violation> errors = new ArrayList<>();
        Category kind = ConsentService.oneOf(Category.class, "category", category, errors);
        SniffedType type = null;
        if (content == null || content.length == 0) {
            errors.add(new Violation("file", "required", "problem.field.required", List.of()));
        } else if (content.length > maxSize) {
            errors.add(new Violation("file", "tooLarge", "customer.validation.file.tooLarge",
                    List.of(String.valueOf(maxSize / 1024))));
        } else {
            type = SniffedType.of(content).orElse(null);
            if (type == null) {
                errors.add(new Violation("file", "fileType", "customer.validation.file.fileType", List.of()));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String name = safeName(fileName, type);
        UUID id = UUID.randomUUID();
        String sha = Sha256.hex(Sha256.newDigest().digest(content));
        jdbc.sql("""
                insert into customer_document (id, institution_id, customer_id, category, file_name, media_type, size_bytes,
                    sha256, content, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customer.institutionId(), customerId, kind.name(), name, type.mediaType(), content.length, sha,
                        content, caller.userId(), java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditRecord.created("customer.document.uploaded", "customer-document", id, customer.institutionId(),
                Map.of("customerId", customerId.toString(), "category", kind.name(), "mediaType", type.mediaType(),
                        "sizeBytes", content.length, "sha256", sha)));
        return of(caller, customerId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Document> of(CurrentUser caller, UUID customerId) {
        customers.row(caller, customerId);
        return jdbc.sql("""
                select id, category, file_name, media_type, size_bytes, sha256, created_at from customer_document
                where customer_id = ? order by created_at desc""").param(customerId)
                .query((rs, n) -> new Document(rs.getObject("id", UUID.class), Category.valueOf(rs.getString("category")),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                        rs.getString("sha256"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public Content content(CurrentUser caller, UUID customerId, UUID documentId) {
        customers.row(caller, customerId);
        return jdbc.sql("select file_name, media_type, content from customer_document where id = ? and customer_id = ?")
                .params(documentId, customerId)
                .query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
                .optional().orElseThrow(() -> ProblemException.notFound("document"));
    }

    /** The name as uploaded without any path, at most 100 characters; a name from the type when none is given. */
    private static String safeName(String fileName, SniffedType type) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            name = "document." + type.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
