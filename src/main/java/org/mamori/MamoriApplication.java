package org.mamori;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mamori: the shared workplace of Japan's critical-infrastructure protection community. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class MamoriApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(MamoriApplication.class);
    if (Arrays.asList(args).contains("--verify-audit")) {
      // A command, not a server: verify the audit chain and exit.
      application.setWebApplicationType(WebApplicationType.NONE);
    }
    application.run(args);
  }
}
