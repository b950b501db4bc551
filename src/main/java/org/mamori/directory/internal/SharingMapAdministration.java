package org.mamori.directory.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.EndpointType;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.SharingDirection;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Draws, redraws and erases the arrows of the sharing map. Platform administrators only. */
@Service
@Transactional
class SharingMapAdministration {

  private final SharingEdges edges;
  private final Organisations organisations;
  private final Sectors sectors;
  private final DirectoryPolicy policy;
  private final ApplicationEventPublisher events;

  SharingMapAdministration(
      SharingEdges edges,
      Organisations organisations,
      Sectors sectors,
      DirectoryPolicy policy,
      ApplicationEventPublisher events) {
    this.edges = edges;
    this.organisations = organisations;
    this.sectors = sectors;
    this.policy = policy;
    this.events = events;
  }

  UUID draw(
      Actor by,
      SharingDirection direction,
      SharingEdge.Endpoint from,
      SharingEdge.Endpoint to,
      SharingEdge.HopSettings how) {
    requirePlatformAdministrator(by);
    check(direction, from, to);
    SharingEdge edge = edges.save(SharingEdge.draw(direction, from, to, how));
    audit(by, "directory.sharing-map.edge-drawn", edge, null);
    return edge.id();
  }

  void redraw(
      Actor by,
      UUID id,
      SharingEdge.Endpoint from,
      SharingEdge.Endpoint to,
      SharingEdge.HopSettings how) {
    requirePlatformAdministrator(by);
    SharingEdge edge = edge(id);
    check(edge.direction(), from, to);
    EdgeState before = EdgeState.of(edge);
    edge.redraw(from, to, how);
    audit(by, "directory.sharing-map.edge-redrawn", edges.save(edge), before);
  }

  void erase(Actor by, UUID id) {
    requirePlatformAdministrator(by);
    SharingEdge edge = edge(id);
    edges.delete(edge);
    events.publishEvent(
        new AuditableChange(
            by,
            "directory.sharing-map.edge-erased",
            "sharing-edge",
            id.toString(),
            "Sharing-map edge erased",
            EdgeState.of(edge),
            null));
  }

  /**
   * Reports travel to named organisations, and advisories come from named organisations: a group of
   * operators may only be the sending end of a report or the receiving end of an advisory.
   */
  private void check(
      SharingDirection direction, SharingEdge.Endpoint from, SharingEdge.Endpoint to) {
    exists(from);
    exists(to);
    SharingEdge.Endpoint named = direction == SharingDirection.REPORT ? to : from;
    if (named.type() != EndpointType.ORGANISATION) {
      throw new DirectoryRuleViolation(
          direction == SharingDirection.REPORT
              ? "sharingMap.report.toOrganisation"
              : "sharingMap.advisory.fromOrganisation");
    }
  }

  private void exists(SharingEdge.Endpoint end) {
    UUID ref = end.ref();
    boolean found =
        switch (end.type()) {
          case ORGANISATION -> ref != null && organisations.findById(ref).isPresent();
          case SECTOR_OPERATORS -> ref != null && sectors.findById(ref).isPresent();
          case CEPTOAR_MEMBERS ->
              ref != null
                  && organisations
                      .findById(ref)
                      .filter(o -> o.is(OrganisationKind.CEPTOAR))
                      .isPresent();
          case ALL_OPERATORS -> true;
        };
    if (!found) {
      throw new DirectoryRuleViolation("sharingMap.end.unknown");
    }
  }

  private SharingEdge edge(UUID id) {
    return edges
        .findById(id)
        .orElseThrow(() -> new DirectoryRuleViolation("sharingMap.edge.unknown"));
  }

  private void requirePlatformAdministrator(Actor by) {
    if (!policy.mayAdministerPlatform(by)) {
      throw new AccessDeniedException("only platform administrators change the sharing map");
    }
  }

  private void audit(Actor by, String action, SharingEdge after, @Nullable EdgeState before) {
    events.publishEvent(
        new AuditableChange(
            by,
            action,
            "sharing-edge",
            after.id().toString(),
            "Sharing-map edge " + after.direction(),
            before,
            EdgeState.of(after)));
  }

  /** What the audit digest covers. */
  record EdgeState(
      SharingDirection direction,
      SharingEdge.Endpoint from,
      SharingEdge.Endpoint to,
      SharingEdge.HopSettings how) {

    static EdgeState of(SharingEdge edge) {
      return new EdgeState(edge.direction(), edge.from(), edge.to(), edge.settings());
    }
  }
}
