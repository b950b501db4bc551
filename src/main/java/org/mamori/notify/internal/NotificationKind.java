package org.mamori.notify.internal;

import java.util.EnumSet;
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
  ACKNOWLEDGED("advisory.acknowledged");

  private final String eventType;

  NotificationKind(String eventType) {
    this.eventType = eventType;
  }

  /** The stable name webhook receivers see in {@code type}. */
  String eventType() {
    return eventType;
  }

  /** Kinds e-mailed unless a person says otherwise: what asks something of them. */
  static Set<NotificationKind> emailedByDefault() {
    return EnumSet.of(REPORT_RECEIVED, ADVISORY_RECEIVED, ADVISORY_REMINDER);
  }
}
