package org.mamori.exchange.internal.subscription;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The TAXII client's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionSettings.class)
class SubscriptionConfiguration {}
