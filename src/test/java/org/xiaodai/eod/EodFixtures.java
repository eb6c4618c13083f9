package org.xiaodai.eod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Institutions of their own for end-of-day tests, so closing dates never moves the demo
 * institutions' business dates under other tests: registered through the API by the platform
 * administrator, with an administrator user (created through the API, the built-in
 * INSTITUTION_ADMIN role granted by the superuser instead of maker-checker) and the test step
 * enrolled ({@link RowWritingStep}).
 */
public final class EodFixtures {

    public static final String PASSWORD = "Eod#Fixture2026";

    private final Api api;
    private final JdbcClient superuser;
    private final String platformPassword;

    public EodFixtures(Api api, JdbcClient superuser, String platformPassword) {
        this.api = api;
        this.superuser = superuser;
        this.platformPassword = platformPassword;
    }

    /** A fresh lender and a token of its administrator. */
    public record Institution(UUID id, String code, String adminToken, LocalDate openedOn) {
    }

    public Institution institution() {
        String platform = api.token("admin", platformPassword);
        String code = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response registered = api.post("/api/v1/institutions", platform, Map.of("kind", "LENDER", "code", code,
                "name", "日终测试小贷 " + code, "regionCode", "330100"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        UUID id = UUID.fromString(registered.json().get("id").asString());
        LocalDate opened = await(() -> superuser.sql("select business_date from eod_business_date where institution_id = ?")
                .param(id).query(LocalDate.class).optional().orElse(null), Duration.ofSeconds(30));
        String username = "eod-" + code.toLowerCase();
        Api.Response user = api.post("/api/v1/users", platform, Map.of("institutionId", id.toString(), "username", username,
                "displayName", "日终 管理员", "dataScope", "INSTITUTION", "initialPassword", "Initial@2026pw"));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/password", null, Map.of("username", username, "oldPassword", "Initial@2026pw",
                "newPassword", PASSWORD)).status()).isEqualTo(204);
        superuser.sql("""
                insert into iam_user_role (user_id, role_id, granted_at, institution_id)
                select ?, r.id, now(), ? from iam_role r where r.built_in and r.code = 'INSTITUTION_ADMIN' order by r.institution_id nulls first limit 1
                """).params(UUID.fromString(user.json().get("id").asString()), id).update();
        return new Institution(id, code, api.token(username, PASSWORD), opened);
    }

    /** Enrols the institution in the test step. */
    public void enrol(UUID institutionId, int partitions, int items, int delayMs) {
        superuser.sql("""
                insert into eod_test_enrolment (institution_id, partitions, items, delay_ms) values (?, ?, ?, ?)
                on conflict (institution_id) do update set partitions = excluded.partitions, items = excluded.items,
                    delay_ms = excluded.delay_ms
                """).params(institutionId, partitions, items, delayMs).update();
    }

    /**
     * A finished run of the institution {@code code} stored directly (it closed nothing), for tests
     * that read another institution's run by id without moving that institution's business date.
     */
    public static String storedRun(JdbcClient superuser, String code) {
        return superuser.sql("""
                insert into eod_run (id, institution_id, first_date, through_date, status, trigger, requested_by_name,
                                     started_at, finished_at)
                select gen_random_uuid(), o.id, d.business_date, d.business_date - 1, 'COMPLETED', 'ADMIN', 'fixture', now(), now()
                from iam_organisation o join eod_business_date d on d.institution_id = o.id where o.code = ?
                returning id::text
                """).param(code).query(String.class).single();
    }

    public static <T> T await(java.util.function.Supplier<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
