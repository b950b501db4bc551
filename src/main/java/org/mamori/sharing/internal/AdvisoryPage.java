package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;

/**
 * What the advisory page (and the API) shows one reader who may read the advisory. Who it went to
 * and how it travelled is shown to the issuing organisation and the recipients only; whether each
 * recipient has acknowledged, to the issuing organisation only.
 *
 * @param source set for a sanitised release
 * @param audience the audience the issuer chose; null for readers neither issuer nor recipient
 * @param acknowledgement the reader's organisation's acknowledgement; null unless it is a recipient
 *     asked to acknowledge
 * @param relay what relaying would do; null unless the reader may relay it now
 * @param status acknowledgements per recipient; null unless the reader acts for the issuer
 * @param markings the markings the reader may change it to: stricter ones, looser ones for its
 *     issuer
 */
record AdvisoryPage(
    UUID id,
    String reference,
    Tlp tlp,
    String title,
    String body,
    String indicators,
    LocalizedText issuer,
    Instant issuedAt,
    @Nullable Instant acknowledgeBy,
    @Nullable Source source,
    @Nullable Audience audience,
    List<TimelineEntry> timeline,
    @Nullable MyAcknowledgement acknowledgement,
    @Nullable Relay relay,
    @Nullable Status status,
    List<Tlp> markings) {

  /**
   * Where a sanitised release came from.
   *
   * @param reporter "an operator in the electricity sector", in the reader's language
   * @param reportReference the original report; only for readers who may read it
   */
  record Source(String reporter, @Nullable String reportReference) {}

  record Audience(
      boolean everyone,
      List<LocalizedText> sectors,
      List<OrganisationKind> kinds,
      List<LocalizedText> organisations) {}

  /** Something that happened to the advisory, in time order. */
  record TimelineEntry(
      Instant at,
      Kind kind,
      LocalizedText organisation,
      @Nullable LocalizedText from,
      @Nullable String person,
      boolean addressed) {

    enum Kind {
      ISSUED,
      RECEIVED,
      RELAYED
    }
  }

  /** The reader's organisation's acknowledgement: done (who, when, late) or still to do. */
  record MyAcknowledgement(
      @Nullable Instant at, @Nullable String by, boolean late, boolean mayAcknowledge) {

    public boolean done() {
      return at != null;
    }
  }

  /** The organisations relaying would reach now. */
  record Relay(List<LocalizedText> to) {}

  /** For the issuer: who has acknowledged, who has not, and the reminders sent. */
  record Status(
      boolean asked,
      int acknowledged,
      int late,
      int pending,
      List<StatusRow> recipients,
      List<ReminderView> reminders,
      boolean mayRemind) {}

  record StatusRow(
      LocalizedText organisation,
      boolean addressed,
      Instant receivedAt,
      @Nullable Instant acknowledgedAt,
      @Nullable String acknowledgedBy,
      boolean late,
      @Nullable Instant lastRemindedAt) {

    public boolean acknowledged() {
      return acknowledgedAt != null;
    }
  }

  record ReminderView(Instant at, String by, int organisations) {}
}
