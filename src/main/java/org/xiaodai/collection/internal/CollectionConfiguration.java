package org.xiaodai.collection.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The collection module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectionProperties.class)
class CollectionConfiguration {
}
