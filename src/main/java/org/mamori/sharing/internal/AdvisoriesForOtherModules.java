package org.mamori.sharing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mamori.access.AccessPolicy;
import org.mamori.shared.Actor;
import org.mamori.sharing.AdvisoryIssuer;
import org.mamori.sharing.AdvisoryRefused;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

/**
 * Advisories other modules issue (a situation report), through the very service a liaison's form
 * uses, so routing, marking, notices, acknowledgements and the audit trail are the same.
 */
@Component
class AdvisoriesForOtherModules implements AdvisoryIssuer {

  private final AdvisoryIssuing issuing;
  private final Advisories advisories;
  private final Acknowledgements acknowledgements;
  private final AccessPolicy access;

  AdvisoriesForOtherModules(
      AdvisoryIssuing issuing,
      Advisories advisories,
      Acknowledgements acknowledgements,
      AccessPolicy access) {
    this.issuing = issuing;
    this.advisories = advisories;
    this.acknowledgements = acknowledgements;
    this.access = access;
  }

  @Override
  public boolean mayIssue(Actor actor) {
    return issuing.mayIssue(actor);
  }

  @Override
  @Transactional
  public Issued issue(Actor by, Request request) {
    AdvisoryContent content =
        new AdvisoryContent(
            request.title(),
            request.body(),
            "",
            request.tlp(),
            new AdvisoryAudience(false, request.sectors(), Set.of(), request.organisations()),
            request.acknowledgeBy(),
            List.of(),
            null);
    try {
      Advisory advisory = issuing.issue(by, content);
      return new Issued(advisory.id(), advisory.reference(), advisory.recipients().size());
    } catch (SharingRuleViolation refused) {
      // The violation knows its field only as it records itself in a form's errors.
      MapBindingResult errors = new MapBindingResult(new HashMap<>(), "advisory");
      refused.rejectIn(errors);
      String field = errors.hasFieldErrors() ? errors.getFieldErrors().get(0).getField() : null;
      throw new AdvisoryRefused(refused.messageKey(), field, refused.arguments());
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Receipts> receipts(Actor reader, UUID id) {
    return advisories
        .findById(id)
        .filter(a -> access.mayRead(reader, a.disclosure()))
        .map(
            a ->
                new Receipts(
                    a.id(),
                    a.reference(),
                    a.tlp(),
                    a.acknowledgeBy(),
                    a.recipients().size(),
                    acknowledgements.of(a.id()).stream()
                        .map(k -> new Receipt(k.organisation(), k.at(), k.late()))
                        .toList()));
  }
}
