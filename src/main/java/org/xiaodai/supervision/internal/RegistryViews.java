package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.supervision.Licence;

/** The registry as the API and the pages show it: amounts as plain decimal strings (CNY). */
public final class RegistryViews {

    private RegistryViews() {
    }

    @Schema(description = "Funding by source (资金来源) and the 1 + 4 leverage ratios against prior-year-end net assets: "
            + "bank and shareholder loans at most 1 ×, bonds and asset-backed securities at most 4 × (DOMAIN.md §3).")
    public record Funding(@Schema(example = "50000000.00") String bankLoans, String shareholderLoans, String bonds,
                          String assetBacked,
                          @Schema(description = "(bank + shareholder loans) / net assets; null when net assets are not positive.",
                                  example = "0.4167") @Nullable String loansToNetAssets,
                          @Schema(description = "(bonds + ABS) / net assets; null when net assets are not positive.")
                          @Nullable String bondsToNetAssets) {
    }

    @Schema(description = "One version of an institution's registry entry (机构名录), in effect from `effectiveFrom`.")
    public record LicenceView(int version, LocalDate effectiveFrom, @Schema(example = "浙金小贷〔2019〕12号") String licenceNumber,
                              @Schema(description = "GB/T 2260 code of the licensed area.", example = "330000") String licensedRegion,
                              @Schema(description = "Product types the licence allows.") List<String> businessScope,
                              boolean onlineLending, @Schema(example = "300000000.00") String registeredCapital,
                              @Schema(description = "Prior-year-end net assets (上年末净资产).", example = "360000000.00") String netAssets,
                              int netAssetsYear, Funding funding,
                              @Schema(allowableValues = {"ACTIVE", "SUSPENDED", "REVOKED"}) String status,
                              @Nullable String contactName, @Nullable String contactPhone, @Nullable String contactEmail,
                              @Nullable String reason, @Nullable String changedBy, @Nullable Instant changedAt) {
    }

    @Schema(description = "A supervised institution with its registry entry in effect today and its latest indicators.")
    public record InstitutionOverview(UUID id, @Schema(example = "HZXD") String code, String name,
                                      @Schema(description = "Null until the regulator registers the licence.") @Nullable LicenceView licence,
                                      @Schema(description = "The latest value of each indicator (indicator code → decimal string; an indicator without a base, e.g. "
                                              + "a ratio of no loans, is absent). "
                                              + "Empty until indicators are computed at end of day, which needs the loan "
                                              + "portfolio (servicing and ledger).") Map<String, String> latestIndicators,
                                      @Schema(description = "Business date of `latestIndicators`; null while there are none.")
                                      @Nullable LocalDate indicatorsAsOf,
                                      long openComplaints, long overdueComplaints,
                                      @Schema(description = "The indicators of `indicatorsAsOf` with numerator, denominator, "
                                              + "limit and breach (DOMAIN.md §3); empty while there are none.")
                                      List<IndicatorViews.IndicatorValue> indicators) {
    }

    @Schema(description = "An institution's registry entry today and every version before, newest first.")
    public record InstitutionDetail(UUID id, String code, String name, @Nullable LicenceView current,
                                    List<LicenceView> history) {
    }

    @Schema(description = "One indicator value of one business date.")
    public record IndicatorPoint(LocalDate asOf, @Schema(example = "npl-ratio") String indicator, @Nullable String value,
                                 @Nullable String numerator, @Nullable String denominator) {
    }

    static LicenceView view(Licence l, @Nullable String reason, @Nullable String changedBy, @Nullable Instant changedAt) {
        BigDecimal loans = l.bankLoans().add(l.shareholderLoans());
        BigDecimal bonds = l.bonds().add(l.assetBacked());
        return new LicenceView(l.version(), l.effectiveFrom(), l.licenceNumber(), l.licensedRegion(),
                l.businessScope().stream().map(Enum::name).sorted().toList(), l.onlineLending(),
                plain(l.registeredCapital()), plain(l.netAssets()), l.netAssetsYear(),
                new Funding(plain(l.bankLoans()), plain(l.shareholderLoans()), plain(l.bonds()), plain(l.assetBacked()),
                        ratio(loans, l.netAssets()), ratio(bonds, l.netAssets())),
                l.status().name(), l.contactName(), l.contactPhone(), l.contactEmail(), reason, changedBy, changedAt);
    }

    static String plain(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A ratio to 4 decimals (rounded half up), null when the base is not positive. */
    static String ratio(BigDecimal part, BigDecimal base) {
        return base == null || base.signum() <= 0 ? null : part.divide(base, 4, RoundingMode.HALF_UP).toPlainString();
    }
}
