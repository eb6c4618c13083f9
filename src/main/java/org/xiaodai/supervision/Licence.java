package org.xiaodai.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An institution's registry entry in effect on a date (one version of it).
 *
 * @param licensedRegion GB/T 2260 code of the licensed area: a province ({@code 330000}) or a city
 *                       ({@code 330100}); a loan's region must lie inside it
 * @param netAssets      prior-year-end net assets (上年末净资产), the base of the 10 % / 15 % exposure limits
 *                       and the 1 + 4 leverage limits
 * @param netAssetsYear  the year whose year-end {@code netAssets} are
 * @param bankLoans      funding from bank loans (银行借款)
 * @param shareholderLoans funding from shareholder loans (股东借款); with bank loans ≤ 1 × net assets
 * @param bonds          bonds issued (债券); with asset-backed funding ≤ 4 × net assets
 * @param assetBacked    asset-backed securities (资产证券化)
 */
public record Licence(UUID institutionId, int version, LocalDate effectiveFrom, String licenceNumber,
                      String licensedRegion, Set<BusinessScope> businessScope, boolean onlineLending,
                      BigDecimal registeredCapital, BigDecimal netAssets, int netAssetsYear, BigDecimal bankLoans,
                      BigDecimal shareholderLoans, BigDecimal bonds, BigDecimal assetBacked, LicenceStatus status,
                      @Nullable String contactName, @Nullable String contactPhone, @Nullable String contactEmail) {

    public Licence {
        businessScope = Set.copyOf(businessScope);
    }

    /** Whether a loan to a borrower in {@code regionCode} (6-digit GB/T 2260) lies inside the licensed area. */
    public boolean coversRegion(String regionCode) {
        return regionCode != null && regionCode.length() == 6 && regionCode.startsWith(regionPrefix());
    }

    /** The leading digits that name the licensed area: 2 for a province, 4 for a city, 6 for a county. */
    public String regionPrefix() {
        if (licensedRegion.endsWith("0000")) {
            return licensedRegion.substring(0, 2);
        }
        return licensedRegion.endsWith("00") ? licensedRegion.substring(0, 4) : licensedRegion;
    }
}
