package org.xiaodai.origination.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Origination settings ({@code xiaodai.origination.*}).
 *
 * @param maxApplicationsPerHour      submissions per device or per client address in an hour before the
 *                                    velocity flag is raised (N of the issue)
 * @param borrowerLimitPercent        one borrower's exposure, percent of prior-year-end net assets
 * @param relatedLimitPercent         a borrower with related parties, percent of prior-year-end net assets
 * @param onlineConsumerCap           online consumer loans per borrower, CNY
 * @param onlineBusinessCap           online business loans per borrower, CNY
 */
@ConfigurationProperties("xiaodai.origination")
public record OriginationProperties(@DefaultValue("5") int maxApplicationsPerHour,
                                    @DefaultValue("10") BigDecimal borrowerLimitPercent,
                                    @DefaultValue("15") BigDecimal relatedLimitPercent,
                                    @DefaultValue("200000") BigDecimal onlineConsumerCap,
                                    @DefaultValue("10000000") BigDecimal onlineBusinessCap) {
}
