package org.mamori;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mamori: the shared workplace of Japan's critical-infrastructure protection community. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class MamoriApplication {

  public static void main(String[] args) {
    SpringApplication.run(MamoriApplication.class, args);
  }
}
