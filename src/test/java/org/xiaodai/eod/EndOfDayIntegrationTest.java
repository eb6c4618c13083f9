package org.xiaodai.eod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.eod.internal.EndOfDayRunner;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End of day through the real API on the shared context, on institutions of its own
 * ({@link EodFixtures}) with the row-writing test step ({@link RowWritingStep}) beside whatever
 * steps the modules contribute.
 */
@IntegrationTest
class EndOfDayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EndOfDayRunner runner;
    @Autowired
    BusinessDate businessDate;
    JdbcClient jdbc;
    Api api;
    EodFixtures fixtures;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new EodFixtures(api, jdbc, Api.ADMIN_PASSWORD);
    }

    @Test
    void closingThroughADateClosesEachDateInOrderOnceAndMovesTheBusinessDateOn() {
        EodFixtures.Institution bank = fixtures.institution();
        fixtures.enrol(bank.id(), 4, 25, 0);
        LocalDate first = bank.openedOn();

        Api.Response closed = api.post("/api/v1/eod/close", bank.adminToken(), Map.of("through", first.plusDays(2).toString()));

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode run = closed.json();
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("daysTotal").asLong()).isEqualTo(3);
        assertThat(run.get("daysClosed").asLong()).isEqualTo(3);
        assertThat(run.get("processed").asLong()).isEqualTo(run.get("total").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(run.get("items").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(run.get("businessDate").asString()).isEqualTo(first.plusDays(3).toString());
        assertThat(businessDate.of(bank.id())).isEqualTo(first.plusDays(3));
        assertThat(api.get("/api/v1/eod/business-date", bank.adminToken()).json().get("businessDate").asString())
                .isEqualTo(first.plusDays(3).toString());
        assertThat(postings(bank.id())).isEqualTo(3 * 4 * 25).isEqualTo(distinctPostings(bank.id()));
        assertThat(jdbc.sql("""
                select bool_and(a.max_seq < b.min_seq) from
                  (select business_date, max(seq) as max_seq from eod_test_posting where institution_id = :i group by 1) a
                  join (select business_date, min(seq) as min_seq from eod_test_posting where institution_id = :i group by 1) b
                    on b.business_date = a.business_date + 1
                """).param("i", bank.id()).query(Boolean.class).single())
                .as("every posting of a date before the next date's").isTrue();
        assertThat(closedDays(bank.id())).containsExactly(first, first.plusDays(1), first.plusDays(2));
        assertThat(api.get("/api/v1/eod/runs/" + run.get("runId").asString(), bank.adminToken()).json()
                .get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void closingADateAgainChangesNothing() {
        EodFixtures.Institution bank = fixtures.institution();
        fixtures.enrol(bank.id(), 2, 10, 0);
        LocalDate first = bank.openedOn();
        JsonNode run = api.post("/api/v1/eod/close", bank.adminToken(), Map.of()).json();
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        long before = postings(bank.id());

        Api.Response again = api.post("/api/v1/eod/close", bank.adminToken(), Map.of("through", first.toString()));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("daysTotal").asLong()).isZero();
        // the old run driven again, as a second instance or a restarted one would
        runner.drive(bank.id(), UUID.fromString(run.get("runId").asString()), () -> false);
        jdbc.sql("update eod_run set status = 'RUNNING', finished_at = null where id = ?")
                .param(UUID.fromString(run.get("runId").asString())).update();
        runner.drive(bank.id(), UUID.fromString(run.get("runId").asString()), () -> false);

        assertThat(postings(bank.id())).isEqualTo(before).isEqualTo(2 * 10);
        assertThat(businessDate.of(bank.id())).isEqualTo(first.plusDays(1));
        assertThat(closedDays(bank.id())).containsExactly(first);
    }

    @Test
    void severalThreadsShareOneRunAndEachPartitionCommitsOnce() throws Exception {
        EodFixtures.Institution bank = fixtures.institution();
        fixtures.enrol(bank.id(), 12, 5, 150);
        var run = org.xiaodai.shared.tenant.TenantWall.asInstitution(bank.id(),
                () -> runner.request(bank.id(), bank.openedOn().plusDays(1), "ADMIN", null));
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(CompletableFuture.runAsync(() -> runner.drive(bank.id(), run.id(), () -> false),
                    java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
        }
        CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get(2, java.util.concurrent.TimeUnit.MINUTES);
        EodFixtures.await(() -> runner.find(bank.id(), run.id()).filter(r -> !r.running()).orElse(null), Duration.ofSeconds(30));

        assertThat(postings(bank.id())).isEqualTo(2 * 12 * 5).isEqualTo(distinctPostings(bank.id()));
        assertThat(jdbc.sql("select count(distinct worker) from eod_partition where institution_id = ? and step = ?")
                .params(bank.id(), RowWritingStep.NAME).query(Long.class).single())
                .as("partitions done by more than one thread").isGreaterThan(1);
        assertThat(businessDate.of(bank.id())).isEqualTo(bank.openedOn().plusDays(2));
    }

    @Test
    void aFailingPartitionFailsTheRunWithoutPostingAndASecondRequestResumesIt() {
        EodFixtures.Institution bank = fixtures.institution();
        fixtures.enrol(bank.id(), 3, 10, 0);
        jdbc.sql("update eod_test_enrolment set fail_partition = 1, failing = true where institution_id = ?").param(bank.id()).update();

        Api.Response failed = api.post("/api/v1/eod/close", bank.adminToken(), Map.of());
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().get("error").asString()).contains(RowWritingStep.NAME).contains("partition 1");
        assertThat(businessDate.of(bank.id())).isEqualTo(bank.openedOn());
        assertThat(jdbc.sql("select count(*) from eod_test_posting where institution_id = ? and partition = 1")
                .param(bank.id()).query(Long.class).single()).as("the failed partition's rows rolled back").isZero();

        jdbc.sql("update eod_test_enrolment set failing = false where institution_id = ?").param(bank.id()).update();
        Api.Response resumed = api.post("/api/v1/eod/close", bank.adminToken(), Map.of());
        assertThat(resumed.json().get("status").asString()).as(resumed.body()).isEqualTo("COMPLETED");
        assertThat(postings(bank.id())).isEqualTo(3 * 10).isEqualTo(distinctPostings(bank.id()));
        assertThat(businessDate.of(bank.id())).isEqualTo(bank.openedOn().plusDays(1));
    }

    @Test
    void aSecondRequestWhileARunRunsIsAConflictNamingTheRun() throws Exception {
        EodFixtures.Institution bank = fixtures.institution();
        fixtures.enrol(bank.id(), 4, 1, 700);
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/eod/close", bank.adminToken(), Map.of()));
        String running = EodFixtures.await(() -> {
            JsonNode date = api.get("/api/v1/eod/business-date", bank.adminToken()).json();
            return date.get("runningRunId").isNull() ? null : date.get("runningRunId").asString();
        }, Duration.ofSeconds(20));

        Api.Response second = api.post("/api/v1/eod/close", bank.adminToken(), Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).endsWith("/eod-running");
        assertThat(second.json().get("detail").asString()).contains(running);
        // The run is registered before its first step has counted its partitions: its total shows once they are planned.
        JsonNode progress = EodFixtures.await(() -> {
            JsonNode run = api.get("/api/v1/eod/runs/" + running, bank.adminToken()).json();
            return run.get("total").asLong() > 0 ? run : null;
        }, Duration.ofSeconds(20));
        assertThat(progress.get("status").asString()).isEqualTo("RUNNING");
        assertThat(progress.get("total").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS).json().get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        EodFixtures.Institution bank = fixtures.institution();
        for (String through : List.of("2026-13-01", "tomorrow", "")) {
            Api.Response response = api.post("/api/v1/eod/close", bank.adminToken(), Map.of("through", through));
            if (through.isEmpty()) {
                continue;
            }
            assertThat(response.status()).as(through).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("through");
            assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("date");
        }
        LocalDate now = businessDate.of(bank.id());
        Api.Response tooFar = api.send("POST", "/api/v1/eod/close", bank.adminToken(),
                Api.json(Map.of("through", now.plusYears(20).toString())), "application/json", "zh-CN");
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.json().get("errors").get(0).get("rule").asString()).isEqualTo("eodTooManyDays");
        assertThat(tooFar.json().get("errors").get(0).get("message").asString()).contains("会计日");
        assertThat(businessDate.of(bank.id())).isEqualTo(now);
    }

    @Test
    void anotherInstitutionsRunIsNotFoundAndTheRegulatorAndOfficersCannotClose() {
        EodFixtures.Institution bank = fixtures.institution();
        String runId = api.post("/api/v1/eod/close", bank.adminToken(), Map.of()).json().get("runId").asString();
        assertThat(api.get("/api/v1/eod/runs/" + runId, bank.adminToken()).status()).isEqualTo(200);
        Api.Response foreign = api.get("/api/v1/eod/runs/" + runId, api.token("a-admin", Api.DEMO_PASSWORD));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(api.post("/api/v1/eod/close", api.token("a-officer", Api.DEMO_PASSWORD), Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/eod/close", api.token("regulator", Api.DEMO_PASSWORD), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/eod/business-date", api.token("a-officer", Api.DEMO_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void everyClosedDateAndEveryRunIsAudited() {
        EodFixtures.Institution bank = fixtures.institution();
        LocalDate first = bank.openedOn();
        String runId = api.post("/api/v1/eod/close", bank.adminToken(), Map.of("through", first.plusDays(1).toString()))
                .json().get("runId").asString();
        List<String> actions = jdbc.sql("select action from audit_entry where institution_id = ? and action like 'eod.%' order by seq")
                .param(bank.id()).query(String.class).list();
        assertThat(actions).containsExactly("eod.run.started", "eod.day.closed", "eod.day.closed", "eod.run.completed");
        assertThat(jdbc.sql("select actor_name from audit_entry where institution_id = ? and action = 'eod.run.started'")
                .param(bank.id()).query(String.class).single()).startsWith("eod-");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and action like 'eod.run.%'").param(runId)
                .query(Long.class).single()).isEqualTo(2);
    }

    private long postings(UUID institutionId) {
        return jdbc.sql("select count(*) from eod_test_posting where institution_id = ?").param(institutionId)
                .query(Long.class).single();
    }

    private long distinctPostings(UUID institutionId) {
        return jdbc.sql("select count(distinct (business_date, partition, item)) from eod_test_posting where institution_id = ?")
                .param(institutionId).query(Long.class).single();
    }

    private List<LocalDate> closedDays(UUID institutionId) {
        return jdbc.sql("select business_date from eod_day where institution_id = ? and closed_at is not null order by 1")
                .param(institutionId).query(LocalDate.class).list();
    }
}
