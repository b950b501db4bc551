package org.mamori.sharing;

import java.util.List;
import java.util.UUID;

/**
 * Released reports from two or more sectors share an indicator or a cause within the spread window:
 * the national hub should look at a possible spread across sectors. Announced when the alert is
 * raised, and again whenever a further sector joins it.
 *
 * <p>The event carries no indicator and no originator: a notice built from it must tell each reader
 * only about the reports they may read ({@link SharedItems#noticeFor}); the number of sectors may
 * be told to everyone it is sent to.
 *
 * @param alert the alert
 * @param basis what the reports share
 * @param sectors how many sectors the reports come from (two or more)
 * @param reports every report the alert links so far
 * @param path where the alert is, relative to Mamori's base address (/trends/spread/…)
 * @param raised true when the alert is new, false when another sector joined it
 */
public record SpreadSuspected(
    UUID alert, Basis basis, int sectors, List<UUID> reports, String path, boolean raised) {

  public SpreadSuspected {
    reports = List.copyOf(reports);
  }

  /** What the reports have in common. */
  public enum Basis {
    /** The same indicator (IP address, domain, URL, e-mail address, file hash). */
    INDICATOR,
    /** The same cause, such as a DDoS attack or a suspicious e-mail. */
    CAUSE
  }
}
