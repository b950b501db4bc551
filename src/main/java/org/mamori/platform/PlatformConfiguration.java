package org.mamori.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MamoriProperties.class)
class PlatformConfiguration {

  /** Depending on this bean guarantees the data directory exists (and was wiped for tests). */
  @Bean
  DeploymentMode deploymentMode(MamoriProperties properties) {
    DeploymentMode mode = properties.deploymentMode();
    DataDirectories.prepare(mode.dataDirectory(), properties.freshStart());
    return mode;
  }

  @Bean
  KeyRing keyRing(MamoriProperties properties, DeploymentMode mode) {
    return KeyRing.load(
        properties.secretKey(), mode.dataDirectory().resolve("keys").resolve("master.key"));
  }

  /** Every module reads the time from this clock, so tests can move it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
