package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.Licence;
import org.xiaodai.supervision.LicenceStatus;
import org.xiaodai.supervision.internal.RegistryViews.IndicatorPoint;
import org.xiaodai.supervision.internal.RegistryViews.InstitutionDetail;
import org.xiaodai.supervision.internal.RegistryViews.InstitutionOverview;
import org.xiaodai.supervision.internal.RegistryViews.LicenceView;

/**
 * The institution registry (机构名录): the regulator reads every institution's entry with its latest
 * indicators and writes new versions; an institution reads its own. An institution outside the
 * caller's tenant wall is a 404.
 */
@Service
public class RegistryService {

    private final RegistryStore store;
    private final InstitutionDirectory directory;
    private final JdbcClient jdbc;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final Clock clock;
    private final IndicatorService indicatorService;

    RegistryService(RegistryStore store, InstitutionDirectory directory, JdbcClient jdbc, BusinessDate businessDate,
                    AuditTrail audit, Clock clock, IndicatorService indicatorService) {
        this.indicatorService = indicatorService;
        this.store = store;
        this.directory = directory;
        this.jdbc = jdbc;
        this.businessDate = businessDate;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new registry version says, as typed (every field text, so nonsense is a field error). */
    public record RegistryInput(String effectiveFrom, String licenceNumber, String licensedRegion,
                                List<String> businessScope, Boolean onlineLending, String registeredCapital,
                                String netAssets, String netAssetsYear, String bankLoans, String shareholderLoans,
                                String bonds, String assetBacked, String status, String contactName,
                                String contactPhone, String contactEmail, String reason) {
    }

    /** Every institution the caller's tenant wall shows, with its entry today and latest indicators. */
    @Transactional(readOnly = true)
    public List<InstitutionOverview> overview(CurrentUser caller) {
        return directory.lenders().stream().map(i -> {
            LocalDate today = today(i.id());
            Licence l = store.inEffect(i.id(), today).orElse(null);
            Latest latest = latestIndicators(i.id());
            long[] c = complaintCounts(i.id(), today);
            return new InstitutionOverview(i.id(), i.code(), i.name(), l == null ? null : RegistryViews.view(l, null, null, null),
                    latest.values(), latest.asOf(), c[0], c[1], indicatorService.latest(i.id()));
        }).toList();
    }

    /** One institution's entry today and its history; 404 outside the caller's tenant wall. */
    @Transactional(readOnly = true)
    public InstitutionDetail detail(CurrentUser caller, UUID id) {
        var institution = directory.lender(id).orElseThrow(() -> ProblemException.notFound("institution"));
        List<RegistryStore.Version> versions = store.versions(id);
        Licence current = store.inEffect(id, today(id)).orElse(null);
        List<LicenceView> history = versions.stream()
                .map(v -> RegistryViews.view(v.licence(), v.reason(), v.changedByName(), v.changedAt())).toList();
        LicenceView currentView = current == null ? null : history.stream()
                .filter(v -> v.version() == current.version()).findFirst().orElse(null);
        return new InstitutionDetail(institution.id(), institution.code(), institution.name(), currentView, history);
    }

    /**
     * Records a new version of an institution's entry (the regulator): every field validated, the
     * version numbered after the last, audited. 400 naming every bad field; 404 for an unknown institution.
     */
    @Transactional
    public LicenceView change(CurrentUser caller, UUID id, RegistryInput in) {
        if (!caller.isRegulator()) {
            throw ProblemException.forbidden("forbidden");
        }
        directory.lender(id).orElseThrow(() -> ProblemException.notFound("institution"));
        Licence licence = validate(id, store.latestVersion(id) + 1, in);
        Licence before = store.inEffect(id, today(id)).orElse(null);
        String reason = new Input().optionalText("reason", in.reason(), 500);
        store.insert(licence, reason, caller.userId(), Names.of(caller), clock.instant());
        LicenceView view = RegistryViews.view(licence, reason, Names.of(caller), clock.instant());
        audit.record(AuditRecord.changed("supervision.registry.changed", "institution", id, id,
                before == null ? null : RegistryViews.view(before, null, null, null), view));
        return view;
    }

    /** The indicator history of an institution in {@code [from, to]}; empty until end of day computes indicators. */
    @Transactional(readOnly = true)
    public List<IndicatorPoint> indicators(CurrentUser caller, UUID id, String from, String to) {
        directory.lender(id).orElseThrow(() -> ProblemException.notFound("institution"));
        Input input = new Input();
        LocalDate start = input.optionalDate("from", from);
        LocalDate end = input.optionalDate("to", to);
        input.check();
        LocalDate last = end == null ? today(id) : end;
        LocalDate first = start == null ? last.minusDays(90) : start;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "range");
        }
        return jdbc.sql("""
                select as_of, indicator, value, numerator, denominator from supervision_indicator
                where institution_id = ? and as_of between ? and ? order by as_of, indicator""")
                .params(id, first, last)
                .query((rs, n) -> new IndicatorPoint(rs.getObject("as_of", LocalDate.class), rs.getString("indicator"),
                        rs.getBigDecimal("value") == null ? null : rs.getBigDecimal("value").stripTrailingZeros().toPlainString(),
                        IndicatorViews.plain(rs.getBigDecimal("numerator")), IndicatorViews.plain(rs.getBigDecimal("denominator"))))
                .list();
    }

    LocalDate today(UUID institutionId) {
        try {
            return businessDate.of(institutionId);
        } catch (java.util.NoSuchElementException noDateYet) {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }
    }

    private record Latest(Map<String, String> values, LocalDate asOf) {
    }

    private Latest latestIndicators(UUID id) {
        LocalDate asOf = jdbc.sql("select max(as_of) from supervision_indicator where institution_id = ?").param(id)
                .query(LocalDate.class).optional().orElse(null);
        Map<String, String> values = new LinkedHashMap<>();
        if (asOf != null) {
            jdbc.sql("""
                    select indicator, value from supervision_indicator where institution_id = ? and as_of = ? and value is not null
                    order by indicator""")
                    .params(id, asOf).query(rs -> {
                        values.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
                    });
        }
        return new Latest(values, asOf);
    }

    /** Complaints of the institution awaiting its response, and those of them past their deadline. */
    private long[] complaintCounts(UUID id, LocalDate today) {
        return jdbc.sql("""
                select count(*), count(*) filter (where response_due < ?) from supervision_complaint
                where institution_id = ? and status = 'ROUTED'""")
                .params(today, id).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private Licence validate(UUID id, int version, RegistryInput in) {
        Input input = new Input();
        LocalDate effective = input.date("effectiveFrom", in.effectiveFrom());
        String number = input.text("licenceNumber", in.licenceNumber(), 64);
        String region = input.regionCode("licensedRegion", in.licensedRegion());
        Set<BusinessScope> scope = EnumSet.noneOf(BusinessScope.class);
        if (in.businessScope() == null || in.businessScope().isEmpty()) {
            input.fail("businessScope", "required");
        } else {
            for (String s : in.businessScope()) {
                BusinessScope one = input.choice("businessScope", s, BusinessScope.class);
                if (one != null) {
                    scope.add(one);
                }
            }
        }
        BigDecimal capital = input.money("registeredCapital", in.registeredCapital(), BigDecimal.ZERO);
        BigDecimal netAssets = input.money("netAssets", in.netAssets(), null);
        int year = input.year("netAssetsYear", in.netAssetsYear());
        BigDecimal bank = input.money("bankLoans", in.bankLoans(), BigDecimal.ZERO);
        BigDecimal shareholder = input.money("shareholderLoans", in.shareholderLoans(), BigDecimal.ZERO);
        BigDecimal bonds = input.money("bonds", in.bonds(), BigDecimal.ZERO);
        BigDecimal abs = input.money("assetBacked", in.assetBacked(), BigDecimal.ZERO);
        LicenceStatus status = input.choice("status", in.status(), LicenceStatus.class);
        String contactName = input.optionalText("contactName", in.contactName(), 50);
        String phone = input.phone("contactPhone", in.contactPhone());
        String email = input.email("contactEmail", in.contactEmail());
        input.optionalText("reason", in.reason(), 500);
        input.check();
        return new Licence(id, version, effective, number, region, scope, Boolean.TRUE.equals(in.onlineLending()), capital,
                netAssets, year, bank, shareholder, bonds, abs, status, contactName, phone, email);
    }
}
