package org.mamori.access.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Beans every kind of run needs, web server or command line. */
@Configuration(proxyBeanMethods = false)
class AccessBeans {

  @Bean
  PasswordEncoder passwordEncoder() {
    // Argon2id for new hashes; the id prefix lets us move to a stronger setting later.
    return new DelegatingPasswordEncoder(
        "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
  }

  /** Where a changed sign-in (another organisation, a completed second step) is saved. */
  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }
}
