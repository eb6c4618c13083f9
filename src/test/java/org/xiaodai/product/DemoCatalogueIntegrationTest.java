package org.xiaodai.product;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo region has a product catalogue in both institutions (seeded when the demo institutions
 * are registered): every product type and security type, and a consumer product with two versions.
 */
@IntegrationTest
class DemoCatalogueIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void bothDemoInstitutionsOfferEveryTypeAndSecurity() throws InterruptedException {
        Api api = new Api(port);
        for (String admin : List.of("a-admin", "b-admin")) {
            JsonNode products = demoCatalogue(api, api.token(admin, Api.DEMO_PASSWORD));
            List<String> types = new ArrayList<>();
            List<String> securities = new ArrayList<>();
            products.forEach(p -> {
                types.add(p.get("productType").asString());
                securities.add(p.get("securityType").asString());
                assertThat(p.get("rateCapExceeded").asBoolean()).as(p.get("code").asString()).isFalse();
            });
            assertThat(types).as(admin).contains("PERSONAL_CONSUMPTION", "INDIVIDUAL_BUSINESS", "FARMER", "SMALL_ENTERPRISE");
            assertThat(securities).as(admin).contains("CREDIT", "GUARANTEED", "MORTGAGE", "PLEDGE");
            JsonNode consumer = null;
            for (JsonNode p : products) {
                if (p.get("code").asString().equals("XF-01")) {
                    consumer = p;
                }
            }
            assertThat(consumer).isNotNull();
            assertThat(consumer.get("versions").toString()).isEqualTo("[1,2]");
            JsonNode first = api.get("/api/v1/products/" + consumer.get("id").asString() + "/versions/1",
                    api.token(admin, Api.DEMO_PASSWORD)).json();
            assertThat(first.get("lprPercent").asString()).as("v1 was priced under the 2024 LPR").isEqualTo("3.45");
            assertThat(first.get("rateCapPercent").asString()).isEqualTo("13.80");
        }
    }

    /** The demo products, waiting a little: they are seeded after the registration committed. */
    private static JsonNode demoCatalogue(Api api, String token) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode products = api.get("/api/v1/products", token).json();
            int demo = 0;
            for (JsonNode p : products) {
                demo += p.get("code").asString().matches("(XF|GS|NH|XW)-0[12]") ? 1 : 0;
            }
            if (demo == 8) {
                return products;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the demo catalogue did not appear");
    }
}
