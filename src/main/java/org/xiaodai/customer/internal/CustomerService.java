package org.xiaodai.customer.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.domain.CustomerRules;
import org.xiaodai.customer.domain.NewCustomer;
import org.xiaodai.customer.domain.ValidCustomer;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.Masking;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.MobileNumber;
import org.xiaodai.shared.validation.Violation;

/**
 * Customers (客户): entry with validation and the one-ID-per-institution rule, masked reads within
 * the caller's data scope, audited full reads, search and exact lookup through blind indexes.
 */
@Service
public class CustomerService {

    private final CustomerRepository repository;
    private final PiiFields pii;
    private final AuditTrail audit;
    private final Clock clock;
    private final Today today;
    private final MessageSource messages;

    private final org.springframework.context.ApplicationEventPublisher events;

    CustomerService(CustomerRepository repository, PiiFields pii, AuditTrail audit, Clock clock, Today today,
                    MessageSource messages, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.pii = pii;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
        this.messages = messages;
    }

    /**
     * Validates and saves a customer of the caller's institution, owned by the caller and filed
     * under its branch. 400 naming every bad field; 409 naming the existing customer when the
     * institution already has this ID number.
     */
    @Transactional
    public CustomerView create(CurrentUser caller, NewCustomer input) {
        UUID institution = Problems.lenderInstitution(caller);
        CustomerRules.Outcome outcome = CustomerRules.validate(input, today.of(institution));
        if (!outcome.valid()) {
            throw Problems.invalid(outcome.errors());
        }
        ValidCustomer valid = outcome.customer();
        UUID id = UUID.randomUUID();
        CustomerRow row = pii.sealCustomer(id, institution, valid, caller.scope().branchPath(), caller.userId(),
                clock.instant());
        repository.byIdNumberIndex(institution, row.idNumberIndex()).ifPresent(existing -> {
            throw duplicate(existing);
        });
        // a concurrent entry of the same number still hits the unique index: a plain 409 then
        repository.insert(row);
        CustomerView view = view(row);
        audit.record(AuditRecord.created("customer.created", "customer", id, institution, auditState(view)));
        if (valid.kind() == org.xiaodai.customer.CustomerKind.INDIVIDUAL && valid.mobile() != null) {
            // the borrower portal links a registered borrower who is this person (no personal data in the event)
            events.publishEvent(new org.xiaodai.customer.IndividualCustomerRecorded(institution, id,
                    pii.personKey(valid.idNumber(), valid.mobile())));
        }
        return view;
    }

    /** The errors and warnings of a customer being typed, for live validation; nothing is saved. */
    public List<Violation> check(CurrentUser caller, NewCustomer input) {
        CustomerRules.Outcome outcome = CustomerRules.validate(input, today.of(Problems.lenderOrAny(caller)));
        List<Violation> all = new ArrayList<>(outcome.errors());
        all.addAll(outcome.warnings());
        return all;
    }

    /** One customer in the caller's scope, masked; 404 otherwise. */
    @Transactional(readOnly = true)
    public CustomerView get(CurrentUser caller, UUID id) {
        return view(row(caller, id));
    }

    /** The full identifiers, audited with who read which customer's which fields. */
    @Transactional
    public CustomerPii pii(CurrentUser caller, UUID id) {
        CustomerRow row = row(caller, id);
        CustomerPii full = pii.open(row);
        List<String> fields = new ArrayList<>(List.of("idNumber"));
        if (full.mobile() != null) {
            fields.add("mobile");
        }
        if (full.bankCard() != null) {
            fields.add("bankCard");
        }
        audit.recordSensitiveRead("customer", id, row.institutionId(), String.join(",", fields));
        return full;
    }

    /** The caller's customers with exactly this ID number (resident ID or USCC), found through the blind index. */
    @Transactional(readOnly = true)
    public List<CustomerView> byIdNumber(CurrentUser caller, String idNumber) {
        List<Violation> errors = new ArrayList<>();
        String normalised = CustomerRules.anyIdNumber(idNumber, today.of(Problems.lenderOrAny(caller)), errors);
        if (normalised == null) {
            throw Problems.invalid(errors);
        }
        return repository.search(caller.scope(), pii.idNumberIndex(normalised), null, null, 50).stream()
                .map(this::view).toList();
    }

    /**
     * Search by an exact ID number or mobile, the last digits of the ID number, or part of the
     * name; an empty term lists the newest customers.
     */
    @Transactional(readOnly = true)
    public List<CustomerView> search(CurrentUser caller, String term, int limit) {
        String q = term == null ? "" : term.strip();
        byte[] idIndex = null;
        byte[] mobileIndex = null;
        String upper = q.toUpperCase(Locale.ROOT);
        if (q.length() == 18) {
            idIndex = pii.idNumberIndex(upper);
        } else if (MobileNumber.validate(q).isValid()) {
            mobileIndex = pii.mobileIndex(q);
        }
        int bounded = Math.max(1, Math.min(limit, 500));
        return repository.search(caller.scope(), idIndex, mobileIndex, idIndex == null && mobileIndex == null ? q : null,
                bounded).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public long count(CurrentUser caller) {
        return repository.count(caller.scope());
    }

    /** How many other institutions of the region hold this customer's ID number (撞单 / 多头借贷): a count only. */
    @Transactional(readOnly = true)
    public int institutionsElsewhere(CurrentUser caller, UUID id) {
        return repository.institutionsElsewhere(row(caller, id).idNumberIndex());
    }

    /**
     * How many other customers of the institution give the same mobile: a hint of an undeclared
     * related party (同一联系电话), counted across the institution whatever the caller's scope.
     */
    @Transactional(readOnly = true)
    public long sameMobileElsewhere(CurrentUser caller, UUID id) {
        CustomerRow row = row(caller, id);
        return repository.sameMobile(row.id(), row.mobileIndex());
    }

    CustomerRow row(CurrentUser caller, UUID id) {
        return repository.inScope(caller.scope(), id).orElseThrow(() -> ProblemException.notFound("customer"));
    }

    CustomerView view(CustomerRow r) {
        List<CustomerView.Warning> warnings = r.bankCardLuhnWarning()
                ? List.of(new CustomerView.Warning("bankCard", "luhn", messages.getMessage("validation.bankCard.luhn",
                null, "luhn", org.springframework.context.i18n.LocaleContextHolder.getLocale())))
                : List.of();
        return new CustomerView(r.id(), r.kind(), r.name(), r.idNumberMasked(), r.mobileMasked(), r.bankCardMasked(),
                warnings, r.regionCode(), r.address(), r.industryCode(), r.employer(), plain(r.monthlyIncome()),
                r.legalRepresentative(), plain(r.registeredCapital()), r.createdAt());
    }

    private static ProblemException duplicate(CustomerRow existing) {
        return new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "conflict", List.of(new FieldProblem(
                "idNumber", "duplicate", "customer.validation.idNumber.duplicate",
                List.of(Masking.maskName(existing.name()), existing.id().toString()))));
    }

    /** What the audit trail keeps of a customer: the masked view, never a plaintext identifier. */
    private static Map<String, Object> auditState(CustomerView v) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", v.kind().name());
        state.put("name", v.name());
        state.put("idNumber", v.idNumber());
        state.put("mobile", v.mobile());
        state.put("bankCard", v.bankCard());
        state.put("regionCode", v.regionCode());
        state.put("industryCode", v.industryCode());
        return state;
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
