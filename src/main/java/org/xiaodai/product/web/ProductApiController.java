package org.xiaodai.product.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.internal.ProductBody;
import org.xiaodai.product.internal.ProductCatalogue;
import org.xiaodai.shared.problem.ProblemResponse;

/** Loan products of the caller's institution (the regulator reads every institution's). */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "Versioned loan products with their annualised rate range and the rate benchmark.")
class ProductApiController {

    private final ProductCatalogue catalogue;

    ProductApiController(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(operationId = "createProduct", summary = "Create a loan product (version 1)",
            description = "The highest annualised rate the product can reach (APR with fees over the worst case of its "
                    + "ranges) is held against the rate benchmark (4 × the 1-year LPR on `effectiveFrom` unless configured "
                    + "otherwise): above it the product is refused with the computed rate (rule `rateCap` on "
                    + "`maxAnnualInterestRatePercent`) or saved with `rateCapExceeded` true, as configured.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('product:manage')")
    ProductView create(@RequestBody ProductBody body) {
        return view(catalogue.create(CurrentUsers.require(), body));
    }

    @Operation(operationId = "listProducts", summary = "The current version of every product the caller can see")
    @GetMapping
    @PreAuthorize("hasAuthority('product:view')")
    List<ProductView> list() {
        return catalogue.list().stream().map(this::view).toList();
    }

    @Operation(operationId = "getProduct", summary = "A product's current version")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('product:view')")
    ProductView get(@PathVariable UUID id) {
        return view(catalogue.current(id));
    }

    @Operation(operationId = "getProductVersion", summary = "One stored version of a product",
            description = "Versions never change once written; a loan keeps the version it was made under.")
    @GetMapping("/{id}/versions/{version}")
    @PreAuthorize("hasAuthority('product:view')")
    ProductView version(@PathVariable UUID id, @PathVariable int version) {
        return view(catalogue.version(id, version));
    }

    @Operation(operationId = "updateProduct", summary = "Edit a product: writes its next version",
            description = "The stored versions stay as they are. Checked like a new product, rate benchmark included.")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('product:manage')")
    @ProblemResponse(status = 409, description = "`concurrent-change`: `expectedVersion` is no longer the current version.")
    ProductView update(@PathVariable UUID id, @RequestBody ProductBody body,
                       @Parameter(description = "The version the edit starts from; refused with 409 when it is no longer current.")
                       @RequestParam(required = false) Integer expectedVersion) {
        return view(catalogue.update(CurrentUsers.require(), id, body, expectedVersion));
    }

    @Operation(operationId = "previewProductRates", summary = "The annualised rate range a definition would have, without saving it",
            description = "Checks the definition like a save and answers its rates and the benchmark; a rate above the "
                    + "benchmark is reported (`rateCapExceeded`), not refused.")
    @PostMapping("/preview")
    @PreAuthorize("hasAuthority('product:manage')")
    RatePreview preview(@RequestBody ProductBody body) {
        var e = catalogue.evaluate(CurrentUsers.require(), body);
        return new RatePreview(e.definition().effectiveFrom().toString(), e.range().lowestPercent().toPlainString(),
                e.range().highestPercent().toPlainString(), e.range().worstPrincipal().toPlainString(),
                e.range().worstNumberOfRepayments(), e.benchmark().lprDate().toString(),
                e.benchmark().lprPercent().toPlainString(), e.benchmark().capPercent().toPlainString(), e.exceeded());
    }

    /** The rates of a definition not saved. */
    @Schema(name = "ProductRatePreview", description = "The annualised rate range of a product definition and the benchmark on its effective date.")
    record RatePreview(@Schema(format = "date") String effectiveFrom,
                       @Schema(pattern = "^\\d{1,18}(\\.\\d{1,10})?$", example = "7.45") String lowestAnnualRatePercent,
                       @Schema(pattern = "^\\d{1,18}(\\.\\d{1,10})?$", example = "11.62") String highestAnnualRatePercent,
                       @Schema(description = "The amount at which the highest rate is reached.",
                               pattern = "^\\d{1,18}(\\.\\d{1,10})?$", example = "5000.00") String worstCasePrincipal,
                       @Schema(description = "The term at which the highest rate is reached.", example = "6")
                       int worstCaseNumberOfRepayments,
                       @Schema(format = "date") String lprDate,
                       @Schema(pattern = "^\\d{1,18}(\\.\\d{1,10})?$", example = "3.00") String lprPercent,
                       @Schema(pattern = "^\\d{1,18}(\\.\\d{1,10})?$", example = "12") String rateCapPercent,
                       boolean rateCapExceeded) {
    }

    private ProductView view(ProductVersion version) {
        return ProductView.of(version, catalogue.versionNumbers(version.productId()));
    }
}
