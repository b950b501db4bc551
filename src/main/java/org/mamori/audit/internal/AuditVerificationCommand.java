package org.mamori.audit.internal;

import org.mamori.audit.AuditTrail;
import org.mamori.audit.ChainFinding;
import org.mamori.audit.ChainVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --verify-audit}: verifies the audit chain, prints the result and exits (0 intact, 1 not),
 * for cron jobs and monitoring: {@code mvn spring-boot:run
 * -Dspring-boot.run.arguments=--verify-audit}.
 */
@Component
class AuditVerificationCommand implements ApplicationRunner {

  static final String OPTION = "verify-audit";

  private final AuditTrail trail;
  private final ApplicationContext context;

  AuditVerificationCommand(AuditTrail trail, ApplicationContext context) {
    this.trail = trail;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    if (!arguments.containsOption(OPTION)) {
      return;
    }
    ChainVerification result = trail.verify();
    System.out.println(report(result));
    int code = result.intact() ? 0 : 1;
    System.exit(SpringApplication.exit(context, () -> code));
  }

  static String report(ChainVerification result) {
    StringBuilder text = new StringBuilder();
    text.append(result.intact() ? "Audit chain intact" : "Audit chain NOT intact")
        .append(": ")
        .append(result.entries())
        .append(" entries, ")
        .append(result.headsChecked())
        .append(" exported heads compared");
    if (result.foreignHeads() > 0) {
      text.append(", ").append(result.foreignHeads()).append(" heads of another chain");
    }
    for (ChainFinding finding : result.findings()) {
      text.append(System.lineSeparator())
          .append("  position ")
          .append(finding.position())
          .append(": ")
          .append(finding.kind());
    }
    return text.toString();
  }
}
