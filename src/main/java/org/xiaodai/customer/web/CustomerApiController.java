package org.xiaodai.customer.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.customer.CustomerKind;
import org.xiaodai.customer.domain.NewCustomer;
import org.xiaodai.customer.internal.CustomerPii;
import org.xiaodai.customer.internal.CustomerService;
import org.xiaodai.customer.internal.CustomerView;
import org.xiaodai.iam.CurrentUsers;

/** Customers of the caller's institution, within its data scope; identifiers masked. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Borrowers (individuals and enterprises) with encrypted, masked identifiers.")
class CustomerApiController {

    private final CustomerService customers;

    CustomerApiController(CustomerService customers) {
        this.customers = customers;
    }

    @Schema(description = "A new customer. Identifiers are validated (DOMAIN.md §7): a resident ID for an individual, "
            + "a unified social credit code for an enterprise; a bank card failing Luhn is saved with a warning.")
    record CreateCustomerRequest(@NotNull CustomerKind kind, @Schema(example = "测试客户甲") String name,
                                 @Schema(example = "360426199101010071") String idNumber,
                                 @Schema(example = "13812345678") String mobile,
                                 @Schema(example = "6222021234567890128") String bankCard,
                                 @Schema(description = "GB/T 2260 division code.", example = "330106") String regionCode,
                                 String address,
                                 @Schema(description = "GB/T 4754 industry code.", example = "F52") String industryCode,
                                 String employer,
                                 @Schema(description = "CNY, a decimal string.", example = "8500.00") String monthlyIncome,
                                 @Schema(description = "Required for an enterprise.") String legalRepresentative,
                                 @Schema(description = "CNY, a decimal string.", example = "5000000") String registeredCapital) {
    }

    @Operation(operationId = "createCustomer", summary = "Enter a customer",
            description = "201 with the identifiers masked; 409 naming the existing customer when the institution "
                    + "already has this ID number.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('customer:manage')")
    CustomerView create(@Valid @RequestBody CreateCustomerRequest r) {
        return customers.create(CurrentUsers.require(), new NewCustomer(r.kind(), r.name(), r.idNumber(), r.mobile(),
                r.bankCard(), r.regionCode(), r.address(), r.industryCode(), r.employer(), r.monthlyIncome(),
                r.legalRepresentative(), r.registeredCapital()));
    }

    @Operation(operationId = "listCustomers", summary = "Customers in the caller's data scope",
            description = "With `idNumber`: the exact lookup through the blind index. With `q`: an exact ID number or "
                    + "mobile, the last digits of the ID number, or part of the name. Otherwise the newest.")
    @GetMapping
    @PreAuthorize("hasAuthority('customer:view')")
    List<CustomerView> list(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "50") int limit) {
        if (idNumber != null) {
            return customers.byIdNumber(CurrentUsers.require(), idNumber);
        }
        return customers.search(CurrentUsers.require(), q, limit);
    }

    @Operation(operationId = "getCustomer", summary = "One customer, identifiers masked")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customer:view')")
    CustomerView get(@PathVariable UUID id) {
        return customers.get(CurrentUsers.require(), id);
    }

    @Operation(operationId = "getCustomerPii", summary = "The full identifiers of one customer (audited)",
            description = "Needs `customer:pii:view`; every read is on the audit trail with who, which customer and "
                    + "which fields.")
    @GetMapping("/{id}/pii")
    @PreAuthorize("hasAuthority('customer:pii:view')")
    CustomerPii pii(@PathVariable UUID id) {
        return customers.pii(CurrentUsers.require(), id);
    }
}
