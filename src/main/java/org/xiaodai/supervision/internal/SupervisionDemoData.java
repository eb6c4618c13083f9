package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.Licence;
import org.xiaodai.supervision.LicenceStatus;

/**
 * The demo region's supervision data (embedded database with {@code xiaodai.demo} on): registry
 * entries of HZXD (two versions: the 2024 year-end net assets, then the 2025 ones from the annual
 * report) and NBXD (licensed for Ningbo only, with bonds issued), a few complaints in every state
 * (one of NBXD's past its deadline) and two inspections, one with findings being rectified. Written
 * once, region-wide, as the regulator would (institutions cannot write their registry).
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class SupervisionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SupervisionDemoData.class);
    private static final String BY = "王建国";
    private final JdbcClient jdbc;
    private final RegistryStore registry;
    private final RegistryService registryService;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SupervisionDemoData(JdbcClient jdbc, RegistryStore registry, RegistryService registryService,
                        TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.registryService = registryService;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantWall.regionWide(() -> transactions.executeWithoutResult(tx -> seed()));
    }

    private void seed() {
        if (jdbc.sql("select exists (select from supervision_registry)").query(Boolean.class).single()) {
            return;
        }
        Optional<UUID> hz = institution("HZXD");
        Optional<UUID> nb = institution("NBXD");
        UUID regulator = jdbc.sql("select id from iam_user where username = 'regulator'").query(UUID.class).optional().orElse(null);
        if (hz.isEmpty() || nb.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        UUID h = hz.get();
        UUID n = nb.get();
        var all = EnumSet.allOf(BusinessScope.class);
        registry.insert(new Licence(h, 1, LocalDate.of(2019, 6, 1), "浙金管〔2019〕18号", "330000", all, true,
                money("300000000"), money("341500000"), 2024, money("120000000"), money("30000000"), money("0"),
                money("200000000"), LicenceStatus.ACTIVE, "陈晓明", "0571-87001234", "compliance@hzxd.example"),
                "设立登记（示例）", regulator, BY, now.minusSeconds(86400L * 300));
        registry.insert(new Licence(h, 2, LocalDate.of(2026, 4, 30), "浙金管〔2019〕18号", "330000", all, true,
                money("300000000"), money("362800000"), 2025, money("150000000"), money("40000000"), money("0"),
                money("300000000"), LicenceStatus.ACTIVE, "陈晓明", "0571-87001234", "compliance@hzxd.example"),
                "2025 年度审计报告：上年末净资产更新（示例）", regulator, BY, now.minusSeconds(86400L * 200));
        registry.insert(new Licence(n, 1, LocalDate.of(2020, 3, 15), "浙金管〔2020〕07号", "330200",
                EnumSet.of(BusinessScope.INDIVIDUAL_BUSINESS, BusinessScope.FARMER, BusinessScope.SMALL_ENTERPRISE), false,
                money("200000000"), money("228400000"), 2025, money("80000000"), money("0"), money("150000000"),
                money("0"), LicenceStatus.ACTIVE, "黄志刚", "0574-87112233", "compliance@nbxd.example"),
                "设立登记（示例）", regulator, BY, now.minusSeconds(86400L * 250));
        complaints(h, n, regulator, now);
        inspections(h, n, regulator, now);
        log.info("Demo supervision data created: registry, complaints and inspections of HZXD and NBXD");
    }

    private void complaints(UUID h, UUID n, UUID regulator, Instant now) {
        LocalDate hToday = registryService.today(h);
        LocalDate nToday = registryService.today(n);
        UUID borrower = jdbc.sql("select id from iam_user where username = 'a-borrower'").query(UUID.class).optional().orElse(regulator);
        complaint(h, "BORROWER", "RATE_AND_FEES", "提前还款手续费说明不清（示例）", "借款人称提前还款时收取的手续费未在合同中列明。",
                "张伟", borrower, "张伟", hToday.minusDays(3), hToday.plusDays(12), "ROUTED", null, null, now);
        complaint(h, "REGULATOR", "COLLECTION_CONDUCT", "夜间催收电话（示例）", "12378 热线转来：借款人反映 22:30 接到催收电话。",
                "李示例", regulator, BY, hToday.minusDays(20), hToday.minusDays(5), "RESPONDED",
                "已核查通话记录，系外呼系统时区配置错误，已整改并向借款人致歉。", null, now);
        complaint(n, "REGULATOR", "PERSONAL_INFORMATION", "未经同意查询征信（示例）", "投诉人称未签署授权书即被查询征信。",
                "王示例", regulator, BY, nToday.minusDays(25), nToday.minusDays(10), "ROUTED", null, null, now);
        complaint(n, "REGULATOR", "CONTRACT_TERMS", "合同年化利率未显著展示（示例）", "投诉人称合同首页仅展示日利率。",
                "赵示例", regulator, BY, nToday.minusDays(60), nToday.minusDays(45), "RESOLVED",
                "已修订合同模板，年化利率置于首页显著位置。", "PARTLY_UPHELD", now);
    }

    private void complaint(UUID institution, String channel, String category, String subject, String description,
                           String complainant, UUID filedBy, String filedByName, LocalDate filedOn, LocalDate due,
                           String status, String response, String outcome, Instant now) {
        UUID id = UUID.randomUUID();
        String reference = "TS" + filedOn.toString().replace("-", "") + "-" + id.toString().substring(0, 6).toUpperCase();
        boolean responded = response != null;
        jdbc.sql("""
                insert into supervision_complaint (id, institution_id, reference, channel, category, subject, description,
                    complainant_name, filed_by, filed_by_name, filed_at, filed_on, response_due, status, response,
                    responded_by_name, responded_at, responded_on, outcome, resolution, resolved_by_name, resolved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, institution, reference, channel, category, subject, description, complainant, filedBy, filedByName,
                        Timestamp.from(now.minusSeconds(86400L * 20)), filedOn, due, status, response,
                        responded ? "机构合规岗（示例）" : null, responded ? Timestamp.from(now.minusSeconds(86400L * 8)) : null,
                        responded ? filedOn.plusDays(7) : null, outcome, outcome == null ? null : "经核实，部分支持投诉人诉求（示例）。",
                        outcome == null ? null : BY, outcome == null ? null : Timestamp.from(now.minusSeconds(86400L * 2)))
                .update();
        event(institution, id, "REGISTERED", null, filedByName, now.minusSeconds(86400L * 20));
        event(institution, id, "ROUTED", due.toString(), filedByName, now.minusSeconds(86400L * 20));
        if (responded) {
            event(institution, id, "RESPONDED", response, "机构合规岗（示例）", now.minusSeconds(86400L * 8));
        }
        if (outcome != null) {
            event(institution, id, "RESOLVED", outcome, BY, now.minusSeconds(86400L * 2));
        }
    }

    private void event(UUID institution, UUID complaint, String action, String note, String actor, Instant at) {
        jdbc.sql("""
                insert into supervision_complaint_event (id, institution_id, complaint_id, action, note, actor_name, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institution, complaint, action, note, actor, Timestamp.from(at)).update();
    }

    private void inspections(UUID h, UUID n, UUID regulator, Instant now) {
        LocalDate today = registryService.today(h);
        UUID onSite = UUID.randomUUID();
        jdbc.sql("""
                insert into supervision_inspection (id, institution_id, reference, kind, title, scope_note, started_on, status,
                    created_by_name, created_at) values (?, ?, ?, 'ON_SITE', ?, ?, ?, 'RECTIFYING', ?, ?)""")
                .params(onSite, h, "JC" + today.minusDays(40).toString().replace("-", "") + "-DEMO01", "2026 年度现场检查（示例）",
                        "贷款集中度、催收行为、个人信息保护", today.minusDays(40), BY, Timestamp.from(now.minusSeconds(86400L * 40)))
                .update();
        finding(h, onSite, 1, "HIGH", "单户贷款余额接近上年末净资产 10% 上限，缺少集中度预警台账。", today.plusDays(20), "OPEN", null, now);
        finding(h, onSite, 2, "MEDIUM", "催收录音抽查发现 2 通电话未告知身份。", today.minusDays(2), "REPORTED",
                "已组织催收人员培训并更新话术，附培训签到表。", now);
        inspectionEvent(h, onSite, "OPENED", "2026 年度现场检查（示例）", now.minusSeconds(86400L * 40));
        UUID offSite = UUID.randomUUID();
        LocalDate nToday = registryService.today(n);
        jdbc.sql("""
                insert into supervision_inspection (id, institution_id, reference, kind, title, scope_note, started_on, ended_on,
                    status, created_by_name, created_at) values (?, ?, ?, 'OFF_SITE', ?, ?, ?, ?, 'CLOSED', ?, ?)""")
                .params(offSite, n, "JC" + nToday.minusDays(90).toString().replace("-", "") + "-DEMO02",
                        "三季度非现场监测（示例）", "月报数据质量、融资杠杆", nToday.minusDays(90), nToday.minusDays(60), BY,
                        Timestamp.from(now.minusSeconds(86400L * 90)))
                .update();
        inspectionEvent(n, offSite, "OPENED", "三季度非现场监测（示例）", now.minusSeconds(86400L * 90));
        inspectionEvent(n, offSite, "CLOSED", null, now.minusSeconds(86400L * 60));
    }

    private void finding(UUID institution, UUID inspection, int number, String severity, String description, LocalDate due,
                         String status, String note, Instant now) {
        jdbc.sql("""
                insert into supervision_finding (id, institution_id, inspection_id, number, severity, description,
                    rectification_due, status, rectification_note, reported_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institution, inspection, number, severity, description, due, status, note,
                        note == null ? null : Timestamp.from(now.minusSeconds(86400L * 3)),
                        Timestamp.from(now.minusSeconds(86400L * 38)))
                .update();
    }

    private void inspectionEvent(UUID institution, UUID inspection, String action, String note, Instant at) {
        jdbc.sql("""
                insert into supervision_inspection_event (id, institution_id, inspection_id, action, note, actor_name, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institution, inspection, action, note, BY, Timestamp.from(at)).update();
    }

    private Optional<UUID> institution(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).optional();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(2);
    }

    static List<String> codes() {
        return List.of("HZXD", "NBXD");
    }
}
