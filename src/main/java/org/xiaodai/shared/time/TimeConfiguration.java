package org.xiaodai.shared.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of wall-clock time: an injected {@link Clock} in the region's zone (Asia/Shanghai).
 * Tests replace it with a fixed clock. Business logic uses {@link BusinessDate} instead.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    static final ZoneId REGION_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(REGION_ZONE);
    }
}
