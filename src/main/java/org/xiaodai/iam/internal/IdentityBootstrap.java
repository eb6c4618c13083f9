package org.xiaodai.iam.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.domain.BuiltInRole;

/**
 * On every start: keeps the built-in roles and their permissions in step with {@link BuiltInRole}
 * and what the modules grant them ({@link AccessCatalogue});
 * on the first start: creates the platform operator and its administrator {@code admin}, whose
 * password is {@code XIAODAI_BOOTSTRAP_ADMIN_PASSWORD} or, when that is not set, a random one
 * printed once to the console (and never logged); then the demo region where it is enabled.
 * It runs once every bean exists but before the web server starts, so nobody can reach the login
 * page before the accounts exist. It does not run when the app is started for an operations
 * command (backup, restore), which must find the database as it is.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class IdentityBootstrap implements SmartInitializingSingleton {

    static final String PLATFORM_CODE = "PLATFORM";
    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final JdbcClient jdbc;
    private final Roles roles;
    private final Organisations organisations;
    private final Users users;
    private final IamRepository repository;
    private final BootstrapAdminPassword adminPassword;
    private final AuditTrail audit;
    private final ObjectProvider<DemoIdentities> demo;
    private final TransactionTemplate transactions;
    private final AccessCatalogue catalogue;
    private volatile boolean generatedPassword;

    IdentityBootstrap(JdbcClient jdbc, Roles roles, Organisations organisations, Users users, IamRepository repository,
                      BootstrapAdminPassword adminPassword, AuditTrail audit, ObjectProvider<DemoIdentities> demo,
                      TransactionTemplate transactions, AccessCatalogue catalogue) {
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.demo = demo;
        this.jdbc = jdbc;
        this.roles = roles;
        this.organisations = organisations;
        this.users = users;
        this.repository = repository;
        this.adminPassword = adminPassword;
    }

    /** Region-wide: the bootstrap works across organisations before anybody has signed in. */
    @Override
    public void afterSingletonsInstantiated() {
        TenantWall.regionWide(() -> transactions.executeWithoutResult(tx -> bootstrap()));
    }

    private void bootstrap() {
        syncBuiltInRoles();
        if (repository.userByUsername(ADMIN).isEmpty()) {
            createPlatformAdmin();
        }
        demo.ifAvailable(DemoIdentities::seed);
    }

    private void syncBuiltInRoles() {
        for (BuiltInRole role : BuiltInRole.values()) {
            List<String> permissions = catalogue.grantsOf(role);
            var existing = jdbc.sql("select id from iam_role where institution_id is null and code = ?")
                    .param(role.name()).query(java.util.UUID.class).optional();
            if (existing.isEmpty()) {
                var id = roles.insert(null, role.name(), role.name(), true, permissions);
                audit.record(AuditRecord.created("iam.role.built-in-created", "role", id, null,
                        Map.of("code", role.name(), "permissions", permissions)));
                continue;
            }
            List<String> stored = jdbc.sql("select permission from iam_role_permission where role_id = ? order by permission")
                    .param(existing.get()).query(String.class).list();
            if (!stored.equals(permissions)) {
                jdbc.sql("delete from iam_role_permission where role_id = ?").param(existing.get()).update();
                permissions.forEach(p -> jdbc.sql("insert into iam_role_permission values (?, ?)")
                        .params(existing.get(), p).update());
                audit.record(AuditRecord.changed("iam.role.built-in-synchronised", "role", existing.get(), null,
                        Map.of("permissions", stored), Map.of("permissions", permissions)));
            }
        }
    }

    private void createPlatformAdmin() {
        var configured = adminPassword.forUser(ADMIN); // before anything is written: a rejected one stops the start
        var platform = repository.organisationByCode(PLATFORM_CODE).map(OrganisationRow::id).orElseGet(() ->
                organisations.registerUnchecked(new Organisations.NewOrganisation(OrganisationKind.PLATFORM,
                        PLATFORM_CODE, "Xiaodai platform", null, "000000")).id());
        boolean generated = configured.isEmpty();
        String password = configured.orElseGet(Users::temporaryPassword);
        var admin = users.createUnchecked(new Users.CreateUser(platform, null, ADMIN, "Platform administrator",
                ScopeLevel.ALL, password), generated);
        roles.grantUnchecked(admin.id(), roles.builtInRoleId(BuiltInRole.PLATFORM_ADMIN.name()), null, null);
        if (generated) {
            printOnce(password);
        } else {
            log.info("Platform administrator 'admin' created with the password from XIAODAI_BOOTSTRAP_ADMIN_PASSWORD");
        }
    }

    /**
     * Straight to the console, not the log: the secret must not end up in log storage. A framed
     * block with blank lines around it, so it stands out among the start-up lines in either log
     * format; once the application is ready, {@link #remindOfGeneratedPassword} points back to it.
     */
    @SuppressWarnings("java:S106")
    private void printOnce(String password) {
        generatedPassword = true;
        String line = "#".repeat(72);
        System.out.println(String.join(System.lineSeparator(), Arrays.asList("", "", line, "#",
                "#   XIAODAI FIRST START: the platform administrator was created",
                "#",
                "#     username:  " + ADMIN,
                "#     password:  " + password,
                "#",
                "#   Shown only this once: note it now. You must change it at the first sign-in.",
                "#   (Set XIAODAI_BOOTSTRAP_ADMIN_PASSWORD before the first start to choose it yourself.)",
                "#", line, "", "")));
        System.out.flush();
    }

    /** After the last start-up line: where the first start's password is. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @SuppressWarnings("java:S106")
    void remindOfGeneratedPassword() {
        if (generatedPassword) {
            System.out.println(System.lineSeparator()
                    + ">>> First start: the password of the platform administrator 'admin' is in the block"
                    + " marked XIAODAI FIRST START above. <<<" + System.lineSeparator());
            System.out.flush();
        }
    }
}
