package org.xiaodai.notification.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiaodai.notification.domain.QuietHours;
import org.xiaodai.notification.domain.RetryPolicy;

/** The notification module's settings and policies as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    QuietHours notificationQuietHours(NotificationProperties properties) {
        return new QuietHours(properties.quietHoursStart(), properties.quietHoursEnd());
    }

    @Bean
    RetryPolicy notificationRetryPolicy(NotificationProperties properties) {
        return new RetryPolicy(properties.maxAttempts(), properties.retryDelay());
    }

    /** Attempts deliveries right after the transaction that queued them committed, off the caller's thread. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService notificationSender() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notification-", 0).factory());
    }
}
