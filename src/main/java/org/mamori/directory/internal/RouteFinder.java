package org.mamori.directory.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mamori.directory.EndpointType;
import org.mamori.directory.RouteHop;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.shared.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the sharing map as routes, resolving groups to today's organisations. */
@Service
@Transactional(readOnly = true)
class RouteFinder implements SharingMap {

  private final SharingEdges edges;
  private final OrganisationGraph graph;

  RouteFinder(SharingEdges edges, OrganisationGraph graph) {
    this.edges = edges;
    this.graph = graph;
  }

  @Override
  public List<RouteHop> nextHops(OrganisationId holder, SharingDirection direction) {
    return hopsFrom(holder.value(), edges.findByDirection(direction.name()), 1, true);
  }

  @Override
  public List<RouteHop> routeFrom(OrganisationId sender, SharingDirection direction) {
    List<SharingEdge> map = edges.findByDirection(direction.name());
    List<RouteHop> route = new ArrayList<>();
    Set<UUID> reached = new HashSet<>(Set.of(sender.value()));
    Deque<UUID> frontier = new ArrayDeque<>(List.of(sender.value()));
    int step = 1;
    while (!frontier.isEmpty()) {
      Deque<UUID> next = new ArrayDeque<>();
      for (UUID holder : frontier) {
        // The emergency channel is the sender's alone; relays pass items on the normal way.
        boolean includeEmergency = step == 1;
        for (RouteHop hop : hopsFrom(holder, map, step, includeEmergency)) {
          if (hop.emergency()) {
            route.add(hop);
          } else if (reached.add(hop.to().value())) {
            route.add(hop);
            next.add(hop.to().value());
          }
        }
      }
      frontier = next;
      step++;
    }
    return route;
  }

  private List<RouteHop> hopsFrom(
      UUID holder, List<SharingEdge> map, int step, boolean includeEmergency) {
    Set<String> kinds = graph.kindsOf(holder);
    boolean operator = kinds.contains("OPERATOR");
    Set<UUID> sectors = operator ? graph.sectorsOf(holder) : Set.of();
    Set<UUID> ceptoars = operator ? graph.ceptoarsOf(holder) : Set.of();
    List<RouteHop> hops = new ArrayList<>();
    for (SharingEdge edge : map) {
      SharingEdge.HopSettings how = edge.settings();
      if (how.emergency() && !includeEmergency) {
        continue;
      }
      if (!startsAt(edge.from(), holder, operator, sectors, ceptoars)) {
        continue;
      }
      for (UUID recipient : resolve(edge.to())) {
        if (!recipient.equals(holder)) {
          hops.add(
              new RouteHop(
                  step,
                  how.order(),
                  new OrganisationId(holder),
                  new OrganisationId(recipient),
                  how.channel(),
                  how.forwardAtOnce(),
                  how.emergency()));
        }
      }
    }
    hops.sort(Comparator.comparingInt(RouteHop::order));
    return hops;
  }

  private static boolean startsAt(
      SharingEdge.Endpoint from,
      UUID holder,
      boolean operator,
      Set<UUID> sectors,
      Set<UUID> ceptoars) {
    return switch (from.type()) {
      case ORGANISATION -> holder.equals(from.ref());
      case SECTOR_OPERATORS -> operator && sectors.contains(from.ref());
      case CEPTOAR_MEMBERS -> operator && ceptoars.contains(from.ref());
      case ALL_OPERATORS -> operator;
    };
  }

  private List<UUID> resolve(SharingEdge.Endpoint to) {
    UUID ref = to.ref();
    if (to.type() == EndpointType.ALL_OPERATORS || ref == null) {
      return graph.activeOperators();
    }
    return switch (to.type()) {
      case ORGANISATION -> graph.isActive(ref) ? List.of(ref) : List.of();
      case SECTOR_OPERATORS -> graph.activeOperatorsInSector(ref);
      case CEPTOAR_MEMBERS -> graph.activeMembersOf(ref);
      case ALL_OPERATORS -> graph.activeOperators();
    };
  }
}
