package org.mamori.notify.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a notification is about; people choose per kind where they want to hear of it. */
enum NotificationKind {
  /** A report reached the person's organisation. */
  REPORT_RECEIVED("report.received"),
  /** A follow-up or final report arrived for a case the organisation holds. */
  REPORT_UPDATED("report.updated"),
  /** A report of the person's own organisation left it. */
  REPORT_SENT("report.sent"),
  /** An advisory reached the person's organisation. */
  ADVISORY_RECEIVED("advisory.received"),
  /** The issuer of an advisory asks the organisation to acknowledge it. */
  ADVISORY_REMINDER("advisory.reminder"),
  /** An organisation acknowledged an advisory the person's organisation issued. */
  ACKNOWLEDGED("advisory.acknowledged"),
  /**
   * The person's organisation joined the response to a situation and reads its AMBER reports now.
   * Always shown in Mamori (it is urgent); not e-mailed.
   */
  SITUATION_JOINED("situation.joined");

  private final String eventType;

  NotificationKind(String eventType) {
    this.eventType = eventType;
  }

  /** The stable name webhook receivers see in {@code type}. */
  String eventType() {
    return eventType;
  }

  /** Kinds a person chooses where to hear of: all but the situation notice, always shown. */
  static List<NotificationKind> choosable() {
    return Arrays.stream(values()).filter(k -> k != SITUATION_JOINED).toList();
  }

  /** Kinds e-mailed unless a person says otherwise: what asks something of them. */
  static Set<NotificationKind> emailedByDefault() {
    return EnumSet.of(REPORT_RECEIVED, ADVISORY_RECEIVED, ADVISORY_REMINDER);
  }
}
