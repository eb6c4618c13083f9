package org.xiaodai.origination.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks on submit (DOMAIN.md §3, §8): each rule is a small named function of the facts and
 * yields a flag with the values its explanation needs. Flags do not refuse the application: the
 * authority matrix decides what they mean (the default declines blacklist hits and limit breaches).
 */
public final class SubmitChecks {

    private SubmitChecks() {
    }

    public static List<Flag> run(CheckFacts f) {
        List<Flag> flags = new ArrayList<>();
        if (f.blacklisted()) {
            flags.add(Flag.of("BLACKLIST"));
        }
        if (f.institutionsElsewhere() > 0) {
            flags.add(Flag.of("MULTI_LENDING", f.institutionsElsewhere()));
        }
        if (f.applicationsFromDeviceLastHour() >= f.maxPerHour()) {
            flags.add(Flag.of("VELOCITY_DEVICE", f.applicationsFromDeviceLastHour() + 1, f.maxPerHour()));
        }
        if (f.applicationsFromAddressLastHour() >= f.maxPerHour()) {
            flags.add(Flag.of("VELOCITY_ADDRESS", f.applicationsFromAddressLastHour() + 1, f.maxPerHour()));
        }
        if (f.idNumbersSharingMobile() > 0) {
            flags.add(Flag.of("SHARED_MOBILE", f.idNumbersSharingMobile()));
        }
        identity(f, flags);
        exposure(f, flags);
        if (f.annualPercentageRate() != null && f.rateCapPercent() != null
                && f.annualPercentageRate().compareTo(f.rateCapPercent()) > 0) {
            flags.add(Flag.of("RATE_CAP", f.annualPercentageRate().toPlainString(), f.rateCapPercent().toPlainString()));
        }
        for (CheckFacts.GuarantorFacts g : f.guarantors()) {
            if (g.blacklisted()) {
                flags.add(Flag.of("GUARANTOR_BLACKLIST", g.name()));
            }
            if (g.institutionsElsewhere() > 0) {
                flags.add(Flag.of("GUARANTOR_MULTI_LENDING", g.name(), g.institutionsElsewhere()));
            }
            if (f.netAssets() != null && g.exposure().compareTo(percent(f.netAssets(), f.borrowerLimitPercent())) > 0) {
                flags.add(Flag.of("GUARANTOR_EXPOSURE", g.name(), g.exposure().toPlainString()));
            }
        }
        return flags;
    }

    /** Age from the ID number against the stated age (more than a year apart), and the ID's province against the stated region. */
    static void identity(CheckFacts f, List<Flag> flags) {
        if (f.birthDate() != null && f.statedAge() != null) {
            int age = Period.between(f.birthDate(), f.today()).getYears();
            if (Math.abs(age - f.statedAge()) > 1) {
                flags.add(Flag.of("IDENTITY_AGE", f.statedAge(), age));
            }
        }
        if (f.idRegionCode() != null && f.statedRegionCode() != null && f.statedRegionCode().length() >= 2
                && !f.idRegionCode().substring(0, 2).equals(f.statedRegionCode().substring(0, 2))) {
            flags.add(Flag.of("IDENTITY_REGION", f.idRegionCode(), f.statedRegionCode()));
        }
    }

    /** 10 % / 15 % of prior-year-end net assets, and the online caps per borrower. */
    static void exposure(CheckFacts f, List<Flag> flags) {
        BigDecimal borrower = f.borrowerExposure().add(f.amount());
        if (f.netAssets() != null) {
            BigDecimal limit = percent(f.netAssets(), f.borrowerLimitPercent());
            if (borrower.compareTo(limit) > 0) {
                flags.add(Flag.of("EXPOSURE_BORROWER", borrower.toPlainString(), limit.toPlainString(),
                        f.borrowerLimitPercent().stripTrailingZeros().toPlainString()));
            }
            BigDecimal related = borrower.add(f.relatedExposure());
            BigDecimal relatedLimit = percent(f.netAssets(), f.relatedLimitPercent());
            if (related.compareTo(relatedLimit) > 0) {
                flags.add(Flag.of("EXPOSURE_RELATED", related.toPlainString(), relatedLimit.toPlainString(),
                        f.relatedLimitPercent().stripTrailingZeros().toPlainString()));
            }
        }
        if (f.onlineCap() != null && borrower.compareTo(f.onlineCap()) > 0) {
            flags.add(Flag.of("ONLINE_CAP", borrower.toPlainString(), f.onlineCap().toPlainString()));
        }
    }

    private static BigDecimal percent(BigDecimal base, BigDecimal percent) {
        return base.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.DOWN);
    }
}
