package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.RouteHop;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportForwarded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves a report along the directory's sharing map: to the originator's first hops when released,
 * on from each hop when a person there forwards it, and at once through hops the map marks "forward
 * at once". TLP:RED reports go to their named people only and travel no route.
 */
@Component
class Routing {

  private final SharingMap map;
  private final ApplicationEventPublisher events;

  Routing(SharingMap map, ApplicationEventPublisher events) {
    this.map = map;
    this.events = events;
  }

  /** The released report reaches the originator's first hops (and the hub at once if urgent). */
  void deliver(Report report, Instant at) {
    if (report.tlp() == Tlp.RED) {
      return;
    }
    Deque<OrganisationId> passOnAtOnce = new ArrayDeque<>();
    for (RouteHop hop : map.nextHops(report.originator(), SharingDirection.REPORT)) {
      if (hop.emergency() && !report.emergency()) {
        continue;
      }
      if (reach(report, hop, 1, null, at) && hop.forwardAtOnce()) {
        passOnAtOnce.add(hop.to());
      }
    }
    passOn(report, passOnAtOnce, at);
  }

  /** A person at a hop forwards the report to that hop's next organisations. */
  void forward(Report report, OrganisationId holder, PersonId by, String assessment, Instant at) {
    report.forwardFrom(holder, by, assessment, at);
    Deque<OrganisationId> passOnAtOnce = new ArrayDeque<>();
    sendOnwards(report, holder, at, passOnAtOnce);
    passOn(report, passOnAtOnce, at);
  }

  /** Hops the map marks "forward at once" pass the report on without waiting, as Mamori. */
  private void passOn(Report report, Deque<OrganisationId> holders, Instant at) {
    while (!holders.isEmpty()) {
      OrganisationId holder = holders.poll();
      boolean passesOn =
          map.nextHops(holder, SharingDirection.REPORT).stream().anyMatch(hop -> !hop.emergency());
      // An organisation with nobody after it on the map keeps the report; nothing was forwarded.
      if (!passesOn || report.hopAt(holder).map(Hop::forwarded).orElse(true)) {
        continue;
      }
      report.forwardFrom(holder, null, "", at);
      sendOnwards(report, holder, at, holders);
    }
  }

  private void sendOnwards(
      Report report, OrganisationId holder, Instant at, Deque<OrganisationId> passOnAtOnce) {
    int step = report.hopAt(holder).map(Hop::step).orElse(0) + 1;
    for (RouteHop hop : map.nextHops(holder, SharingDirection.REPORT)) {
      if (hop.emergency()) {
        continue;
      }
      if (reach(report, hop, step, holder, at) && hop.forwardAtOnce()) {
        passOnAtOnce.add(hop.to());
      }
    }
  }

  private boolean reach(
      Report report, RouteHop hop, int step, @Nullable OrganisationId from, Instant at) {
    boolean arrived = report.reach(hop.to(), step, from, hop.channel().name(), hop.emergency(), at);
    if (arrived) {
      events.publishEvent(
          new ReportForwarded(
              report.id(),
              report.reference(),
              from == null ? report.originator() : from,
              hop.to(),
              hop.emergency()));
    }
    return arrived;
  }
}
