package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Channel;
import org.mamori.directory.RouteHop;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.sharing.AdvisoryRelayed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves an advisory down the directory's sharing map (hub → ministry → CEPTOAR → operators) as
 * reports travel up it: to the issuer's next hops when issued, on from each hop when a person there
 * relays it, and at once through hops the map marks "forward at once". The audience the issuer
 * chose is reached straight away besides.
 */
@Component
class AdvisoryRelay {

  private final SharingMap map;
  private final ApplicationEventPublisher events;

  AdvisoryRelay(SharingMap map, ApplicationEventPublisher events) {
    this.map = map;
    this.events = events;
  }

  /**
   * The new advisory reaches the issuer's next hops on the map (and on through those that pass it
   * on at once), then every organisation of the audience not reached that way.
   */
  void deliver(Advisory advisory, Set<OrganisationId> audience, Instant at) {
    if (advisory.relaysDownTheMap()) {
      Deque<OrganisationId> passOnAtOnce = new ArrayDeque<>();
      sendOnwards(
          advisory, advisory.issuer(), nextHops(advisory.issuer()), audience, at, passOnAtOnce);
      passOn(advisory, audience, passOnAtOnce, at);
    }
    for (OrganisationId organisation : audience) {
      reach(advisory, organisation, 1, null, Channel.MAMORI, true, at);
    }
  }

  /** A person at a hop relays the advisory to that hop's next organisations. */
  void relay(Advisory advisory, OrganisationId holder, PersonId by, Instant at) {
    advisory.relayFrom(holder, by, at);
    // The whole audience was reached at issue: whoever a relay reaches now is beyond it.
    Deque<OrganisationId> passOnAtOnce = new ArrayDeque<>();
    sendOnwards(advisory, holder, nextHops(holder), Set.of(), at, passOnAtOnce);
    passOn(advisory, Set.of(), passOnAtOnce, at);
  }

  /** The organisations a person at the holder would reach by relaying now; empty if none. */
  List<OrganisationId> wouldReach(Advisory advisory, OrganisationId holder) {
    if (!advisory.relaysDownTheMap()
        || advisory.hopAt(holder).map(AdvisoryHop::relayed).orElse(true)) {
      return List.of();
    }
    return nextHops(holder).stream()
        .map(RouteHop::to)
        .filter(to -> !to.equals(advisory.issuer()) && advisory.hopAt(to).isEmpty())
        .distinct()
        .toList();
  }

  private void passOn(
      Advisory advisory, Set<OrganisationId> audience, Deque<OrganisationId> holders, Instant at) {
    while (!holders.isEmpty()) {
      OrganisationId holder = holders.poll();
      List<RouteHop> next = nextHops(holder);
      // An organisation with nobody after it on the map has nothing to pass on.
      if (advisory.hopAt(holder).map(AdvisoryHop::relayed).orElse(true) || next.isEmpty()) {
        continue;
      }
      advisory.relayFrom(holder, null, at);
      sendOnwards(advisory, holder, next, audience, at, holders);
    }
  }

  private void sendOnwards(
      Advisory advisory,
      OrganisationId holder,
      List<RouteHop> next,
      Set<OrganisationId> audience,
      Instant at,
      Deque<OrganisationId> passOnAtOnce) {
    boolean fromIssuer = holder.equals(advisory.issuer());
    int step = fromIssuer ? 1 : advisory.hopAt(holder).map(AdvisoryHop::step).orElse(0) + 1;
    for (RouteHop hop : next) {
      if (reach(
              advisory,
              hop.to(),
              step,
              fromIssuer ? null : holder,
              hop.channel(),
              audience.contains(hop.to()),
              at)
          && hop.forwardAtOnce()) {
        passOnAtOnce.add(hop.to());
      }
    }
  }

  /** The emergency channel carries reports to the hub; advisories never travel it. */
  private List<RouteHop> nextHops(OrganisationId holder) {
    return map.nextHops(holder, SharingDirection.PROVIDE).stream()
        .filter(hop -> !hop.emergency())
        .toList();
  }

  private boolean reach(
      Advisory advisory,
      OrganisationId organisation,
      int step,
      @Nullable OrganisationId from,
      Channel channel,
      boolean addressed,
      Instant at) {
    boolean arrived = advisory.reach(organisation, step, from, channel.name(), addressed, at);
    if (arrived) {
      events.publishEvent(
          new AdvisoryRelayed(
              advisory.id(),
              advisory.reference(),
              from == null ? advisory.issuer() : from,
              organisation));
    }
    return arrived;
  }
}
