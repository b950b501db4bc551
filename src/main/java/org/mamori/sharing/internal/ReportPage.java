package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;

/**
 * What the report page shows a reader who may read the case; {@code nextDue} is its reporting clock
 * as far as the reader's versions go (null once the final report is in).
 */
record ReportPage(
    UUID id,
    String reference,
    Tlp tlp,
    boolean emergency,
    LocalizedText originator,
    String originatorCode,
    @Nullable LocalizedText sector,
    @Nullable LocalizedText verificationLevel,
    @Nullable Instant submittedAt,
    List<VersionView> versions,
    List<TimelineEntry> timeline,
    Actions actions,
    List<SpreadSightings.Sighting> sightings,
    ReportingClock.@Nullable NextDue nextDue) {

  /** One version as its reader sees it, with what changed since the one before. */
  record VersionView(
      int number,
      ReportStage stage,
      Tlp tlp,
      Instant writtenAt,
      String author,
      ReportVersion.State state,
      String decisionNote,
      String summary,
      Instant occurredAt,
      Instant detectedAt,
      LocalizedText eventType,
      LocalizedText impact,
      List<LocalizedText> causes,
      String service,
      ReportContent.Answer otherSectorsAffected,
      ReportContent.Verification verificationLevel,
      ReportContent.Response responseStatus,
      String details,
      String indicators,
      List<String> changedFields) {}

  /** Something that happened to the case, in time order. */
  record TimelineEntry(
      Instant at,
      Kind kind,
      LocalizedText organisation,
      @Nullable LocalizedText from,
      @Nullable String person,
      String note,
      boolean emergency) {

    enum Kind {
      WRITTEN,
      RELEASED,
      RECEIVED,
      FORWARDED
    }
  }

  /**
   * What the reader may do here.
   *
   * @param sanitise publish a sanitised version of the case as an advisory
   */
  record Actions(
      boolean addVersion,
      boolean forward,
      @Nullable Integer approveVersion,
      List<Tlp> markings,
      boolean sanitise) {}

  public @Nullable VersionView latest() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }
}
