package org.xiaodai.iam.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.domain.BuiltInRole;

/**
 * The demo region (embedded database only, unless {@code xiaodai.demo=false}): a regulator, two
 * institutions with branch trees and one user per role. Every demo user's password is
 * {@value #DEMO_PASSWORD}; the README lists them. Seeded by {@link IdentityBootstrap} after the
 * built-in roles exist; skipped when the regulator exists.
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty()")
class DemoIdentities {

    static final String DEMO_PASSWORD = "Demo@2026xd";
    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    private final Organisations organisations;
    private final Users users;
    private final Roles roles;
    private final IamRepository repository;

    DemoIdentities(Organisations organisations, Users users, Roles roles, IamRepository repository) {
        this.organisations = organisations;
        this.users = users;
        this.roles = roles;
        this.repository = repository;
    }

    /**
     * One demo institution: code, name, USCC, username prefix and its people's names, one per role
     * in the order admin, officer, reviewer, approver, finance, collector, risk, borrower. Every
     * seeded name has an English form in the console bundles ({@code console.name.<name>}).
     */
    record DemoInstitution(String code, String name, String uscc, String prefix, List<String> people) {
    }

    static final List<DemoInstitution> INSTITUTIONS = List.of(
            new DemoInstitution("HZXD", "杭州西湖小额贷款有限公司", "91330100MA2B0000X0", "a",
                    List.of("陈晓明", "刘洋", "赵敏", "孙立军", "周静", "吴强", "郑丽华", "张伟")),
            new DemoInstitution("NBXD", "宁波甬江小额贷款有限公司", "91330200MA2C0000X0", "b",
                    List.of("黄志刚", "林婷", "何军", "马红梅", "胡斌", "朱磊", "高雅", "徐芳")));

    @Transactional
    public void seed() {
        if (repository.organisationByCode("ZJJRJ").isPresent()) {
            return;
        }
        UUID regulator = organisations.registerUnchecked(new Organisations.NewOrganisation(OrganisationKind.REGULATOR,
                "ZJJRJ", "浙江省地方金融管理局", null, "330000")).id();
        user(regulator, null, "regulator", "王建国", BuiltInRole.REGULATOR);
        user(regulator, null, "association", "李秀英", BuiltInRole.ASSOCIATION);
        for (DemoInstitution demo : INSTITUTIONS) {
            seedInstitution(demo);
        }
        log.info("Demo region created: regulator ZJJRJ, institutions HZXD and NBXD");
    }

    private void seedInstitution(DemoInstitution demo) {
        UUID institution = organisations.registerUnchecked(new Organisations.NewOrganisation(OrganisationKind.LENDER,
                demo.code(), demo.name(), null, demo.code().startsWith("HZ") ? "330100" : "330200")).id();
        UUID head = organisations.addBranchUnchecked(institution, new Organisations.NewBranch(null, "HQ", "总部")).id();
        UUID east = organisations.addBranchUnchecked(institution, new Organisations.NewBranch(head, "E01", "东区支行")).id();
        organisations.addBranchUnchecked(institution, new Organisations.NewBranch(head, "W01", "西区支行"));
        String p = demo.prefix();
        List<String> people = demo.people();
        user(institution, head, p + "-admin", people.get(0), BuiltInRole.INSTITUTION_ADMIN);
        user(institution, east, p + "-officer", people.get(1), BuiltInRole.LOAN_OFFICER);
        user(institution, east, p + "-reviewer", people.get(2), BuiltInRole.REVIEWER);
        user(institution, head, p + "-approver", people.get(3), BuiltInRole.APPROVER);
        user(institution, head, p + "-finance", people.get(4), BuiltInRole.FINANCE);
        user(institution, head, p + "-collector", people.get(5), BuiltInRole.COLLECTOR);
        user(institution, head, p + "-risk", people.get(6), BuiltInRole.RISK_MANAGER);
        user(institution, null, p + "-borrower", people.get(7), BuiltInRole.BORROWER);
    }

    private void user(UUID organisation, UUID branch, String username, String name, BuiltInRole role) {
        var user = users.createUnchecked(new Users.CreateUser(organisation, branch, username, name,
                role.defaultScope(), DEMO_PASSWORD), false);
        roles.grantUnchecked(user.id(), roles.builtInRoleId(role.name()), null, null);
    }
}
