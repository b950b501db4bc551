package org.mamori.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MamoriProperties.class)
class PlatformConfiguration {

  @Bean
  DeploymentMode deploymentMode(MamoriProperties properties) {
    return properties.deploymentMode();
  }

  @Bean
  KeyRing keyRing(MamoriProperties properties) {
    return KeyRing.load(
        properties.secretKey(),
        properties.deploymentMode().dataDirectory().resolve("keys").resolve("master.key"));
  }

  /** Every module reads the time from this clock, so tests can move it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
