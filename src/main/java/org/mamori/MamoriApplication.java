package org.mamori;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    if (arguments.contains("--verify-audit")) {
      // A command: it verifies the audit chain and exits, so any free port will do.
      arguments.add("--server.port=0");
    }
    SpringApplication.run(MamoriApplication.class, arguments.toArray(String[]::new));
  }
}
