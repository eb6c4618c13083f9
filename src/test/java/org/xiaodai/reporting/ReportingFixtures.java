package org.xiaodai.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Returns made through the API for other tests (surface fixtures, conformance). */
public final class ReportingFixtures {

    private ReportingFixtures() {
    }

    /** The month of the institution's business date, as YYYY-MM. */
    public static String currentPeriod(JdbcClient superuser, String institutionCode) {
        LocalDate today = superuser.sql("""
                select d.business_date from eod_business_date d join iam_organisation o on o.id = d.institution_id
                 where o.code = ?""").param(institutionCode).query(LocalDate.class).single();
        return YearMonth.from(today).toString();
    }

    /** Generates a return of the admin's institution for the period; answers its id. */
    public static String generated(Api api, String adminToken, String period) {
        Api.Response created = api.post("/api/v1/reporting/returns", adminToken, java.util.Map.of("period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
