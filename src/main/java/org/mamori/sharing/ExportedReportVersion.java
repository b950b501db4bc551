package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;

/**
 * One released version of a report, exactly as written.
 *
 * @param tlp the marking the version was written with; the one that applies is the stricter of this
 *     and the report's ({@link ExportedReport#disclosureOf})
 * @param writtenAt when its author wrote it
 * @param releasedAt when it left the organisation: when written, or when approved
 * @param impact an impact code ({@code stopped}, {@code degraded}, …)
 * @param causes cause codes, in the order chosen
 * @param indicatorsText what the reporter pasted, as pasted
 * @param indicators the indicators found in it
 */
public record ExportedReportVersion(
    int number,
    ReportStage stage,
    Tlp tlp,
    Instant writtenAt,
    Instant releasedAt,
    String summary,
    Instant occurredAt,
    Instant detectedAt,
    EventType eventType,
    String impact,
    List<String> causes,
    String service,
    Answer otherSectorsAffected,
    Verification verificationLevel,
    Response responseStatus,
    String details,
    String indicatorsText,
    List<ExportedIndicator> indicators) {

  public ExportedReportVersion {
    causes = List.copyOf(causes);
    indicators = List.copyOf(indicators);
  }

  /**
   * A kind of event from the taxonomy.
   *
   * @param code {@code unavailable}, {@code leak}, …
   * @param threatGroup what it threatens: {@code AVAILABILITY}, {@code CONFIDENTIALITY}, {@code
   *     INTEGRITY}, {@code LEADS_TO}, {@code NOT_OCCURRED} or {@code OTHER}
   */
  public record EventType(String code, String threatGroup, LocalizedText name) {}

  /** Were other sectors affected? */
  public enum Answer {
    YES,
    NO,
    UNKNOWN
  }

  /** Did the event reach the sector's verification level (検証レベル)? */
  public enum Verification {
    REACHED,
    NOT_REACHED,
    UNKNOWN
  }

  /** Where the response stands. */
  public enum Response {
    INVESTIGATING,
    CONTAINED,
    RECOVERED
  }
}
