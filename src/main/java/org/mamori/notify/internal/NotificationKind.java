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
   * Always shown in Mamori (it is urgent).
   */
  SITUATION_JOINED("situation.joined"),
  /**
   * A situation the person's organisation takes part in, or whose scope takes in its sector, was
   * opened, changed level or closed (variants {@code OPENED}, {@code CHANGED}, {@code CLOSED}); the
   * hub's duty officers hear of every one. Always shown in Mamori (it is urgent).
   */
  SITUATION_LEVEL("situation.level");

  private final String eventType;

  NotificationKind(String eventType) {
    this.eventType = eventType;
  }

  /** The stable name webhook receivers see in {@code type}. */
  String eventType() {
    return eventType;
  }

  /**
   * The same for one delivery: a situation's opening, change of level and close are told apart
   * ({@code situation.opened}, {@code situation.level-changed}, {@code situation.closed}).
   */
  String eventType(String variant) {
    if (this != SITUATION_LEVEL) {
      return eventType;
    }
    return switch (variant) {
      case "OPENED" -> "situation.opened";
      case "CLOSED" -> "situation.closed";
      default -> "situation.level-changed";
    };
  }

  /** Notices about a situation: shown in Mamori whatever a person chose; e-mail is their choice. */
  public boolean alwaysShown() {
    return this == SITUATION_JOINED || this == SITUATION_LEVEL;
  }

  /** Kinds a person chooses where to hear of (situation notices: only whether by e-mail). */
  static List<NotificationKind> choosable() {
    return Arrays.asList(values());
  }

  /** Kinds e-mailed unless a person says otherwise: what asks something of them. */
  static Set<NotificationKind> emailedByDefault() {
    return EnumSet.of(
        REPORT_RECEIVED, ADVISORY_RECEIVED, ADVISORY_REMINDER, SITUATION_JOINED, SITUATION_LEVEL);
  }
}
