package org.mamori.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mamori.audit.ChainFinding;
import org.mamori.audit.ChainFinding.Kind;
import org.mamori.audit.ChainVerification;

class AuditVerificationCommandTest {

  @Test
  void anIntactChainIsReportedOnOneLine() {
    assertThat(
            AuditVerificationCommand.report(
                new ChainVerification(Instant.EPOCH, 42, 3, 0, List.of())))
        .isEqualTo("Audit chain intact: 42 entries, 3 exported heads compared");
  }

  @Test
  void everyFindingIsListedWithItsPosition() {
    String report =
        AuditVerificationCommand.report(
            new ChainVerification(
                Instant.EPOCH,
                42,
                3,
                2,
                List.of(new ChainFinding(7, Kind.MODIFIED), new ChainFinding(40, Kind.TRUNCATED))));
    assertThat(report.lines())
        .containsExactly(
            "Audit chain NOT intact: 42 entries, 3 exported heads compared, 2 heads of another"
                + " chain",
            "  position 7: MODIFIED",
            "  position 40: TRUNCATED");
  }
}
