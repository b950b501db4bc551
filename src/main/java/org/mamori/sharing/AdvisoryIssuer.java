package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;

/**
 * Issuing an advisory (情報提供) on behalf of another module, such as a situation report (SITREP) from
 * the situation room. It is the same advisory a liaison writes by hand: routed down the sharing
 * map, marked, notified, acknowledged and audited in the same way.
 */
public interface AdvisoryIssuer {

  /**
   * What to issue.
   *
   * @param sectors the sectors whose operators it is for
   * @param organisations organisations named besides
   * @param acknowledgeBy when recipients must acknowledge receipt by; null when none is asked
   */
  record Request(
      String title,
      String body,
      Tlp tlp,
      Set<SectorId> sectors,
      Set<OrganisationId> organisations,
      @Nullable Instant acknowledgeBy) {

    public Request {
      sectors = Set.copyOf(sectors);
      organisations = Set.copyOf(organisations);
    }
  }

  /** The advisory issued, and how many organisations it reached at once. */
  record Issued(UUID id, String reference, int recipients) {}

  /** One recipient organisation's acknowledgement of receipt (受領確認). */
  record Receipt(OrganisationId organisation, Instant at, boolean late) {}

  /**
   * Where an advisory stands, for someone who may read it.
   *
   * @param recipients how many organisations it has reached
   * @param acknowledgements the acknowledgements so far, oldest first
   */
  record Receipts(
      UUID advisory,
      String reference,
      Tlp tlp,
      @Nullable Instant acknowledgeBy,
      int recipients,
      List<Receipt> acknowledgements) {

    public Receipts {
      acknowledgements = List.copyOf(acknowledgements);
    }
  }

  /** May the actor issue advisories at all (a liaison of an issuing organisation)? */
  boolean mayIssue(Actor actor);

  /**
   * Issues the advisory as the actor.
   *
   * @throws AdvisoryRefused when the rules refuse it (a deadline in the past, nobody reached)
   * @throws org.springframework.security.access.AccessDeniedException when the actor may not issue
   */
  Issued issue(Actor by, Request request);

  /** Where the advisory stands; empty when there is none the reader may read. */
  Optional<Receipts> receipts(Actor reader, UUID advisory);
}
