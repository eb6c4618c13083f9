package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.InstitutionDirectory;

/**
 * Region aggregates (全辖汇总) for the industry association and the regulator: sums and counts over
 * every institution of the region, never one institution's figures or ids. An institution is
 * counted once, with the registry version it has today.
 */
@Service
public class RegionStatistics {

    private final JdbcClient jdbc;
    private final InstitutionDirectory directory;
    private final RegistryStore registry;
    private final RegistryService registryService;

    RegionStatistics(JdbcClient jdbc, InstitutionDirectory directory, RegistryStore registry, RegistryService registryService) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.registry = registry;
        this.registryService = registryService;
    }

    @Schema(description = "Region aggregates: counts and sums over every institution, no institution named.")
    public record RegionView(long institutions, @Schema(description = "Institutions by licence status (ACTIVE, SUSPENDED, "
            + "REVOKED, UNREGISTERED).") Map<String, Long> byLicenceStatus,
                             @Schema(example = "660000000.00") String registeredCapital, String netAssets,
                             String bankAndShareholderLoans, String bondsAndAssetBacked,
                             long complaints, long complaintsOpen, Map<String, Long> complaintsByCategory,
                             long inspectionsOpen) {
    }

    @Transactional(readOnly = true)
    public RegionView region() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : new String[] {"ACTIVE", "SUSPENDED", "REVOKED", "UNREGISTERED"}) {
            byStatus.put(s, 0L);
        }
        BigDecimal capital = BigDecimal.ZERO.setScale(2);
        BigDecimal netAssets = capital;
        BigDecimal loans = capital;
        BigDecimal bonds = capital;
        var lenders = directory.lenders();
        for (var institution : lenders) {
            var licence = registry.inEffect(institution.id(), registryService.today(institution.id())).orElse(null);
            if (licence == null) {
                byStatus.merge("UNREGISTERED", 1L, Long::sum);
                continue;
            }
            byStatus.merge(licence.status().name(), 1L, Long::sum);
            capital = capital.add(licence.registeredCapital());
            netAssets = netAssets.add(licence.netAssets());
            loans = loans.add(licence.bankLoans()).add(licence.shareholderLoans());
            bonds = bonds.add(licence.bonds()).add(licence.assetBacked());
        }
        Map<String, Long> byCategory = new LinkedHashMap<>();
        jdbc.sql("select category, count(*) from supervision_complaint group by category order by category")
                .query(rs -> {
                    byCategory.put(rs.getString(1), rs.getLong(2));
                });
        long[] complaints = jdbc.sql("select count(*), count(*) filter (where status <> 'RESOLVED') from supervision_complaint")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long inspections = jdbc.sql("select count(*) from supervision_inspection where status <> 'CLOSED'")
                .query(Long.class).single();
        return new RegionView(lenders.size(), byStatus, capital.toPlainString(), netAssets.toPlainString(),
                loans.toPlainString(), bonds.toPlainString(), complaints[0], complaints[1], byCategory, inspections);
    }
}
