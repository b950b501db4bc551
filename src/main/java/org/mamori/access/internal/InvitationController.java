package org.mamori.access.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mamori.directory.Directory;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An organisation administrator creates a 7-day link with which one of the organisation's members
 * chooses a password. A link sets the password of the whole account, so it is refused for a person
 * who also belongs to an organisation the administrator does not manage.
 */
@Controller
class InvitationController {

  private final Directory directory;
  private final DirectoryPolicy policy;
  private final SetupLinkService links;

  InvitationController(Directory directory, DirectoryPolicy policy, SetupLinkService links) {
    this.directory = directory;
    this.policy = policy;
    this.links = links;
  }

  /** Who is invited into which organisation, and whether the actor may invite them. */
  record Invitation(
      UUID organisationId,
      String organisationName,
      UUID personId,
      String personName,
      String email,
      boolean allowed) {}

  @GetMapping("/account/invitations/new")
  String confirm(
      @RequestParam UUID organisation,
      @RequestParam UUID person,
      Actor actor,
      Locale locale,
      Model model) {
    model.addAttribute("invitation", invitation(actor, organisation, person, locale));
    model.addAttribute("validityDays", SetupLinkService.INVITATION_VALIDITY.toDays());
    return "access/invitation";
  }

  @PostMapping("/account/invitations")
  String create(
      @RequestParam UUID organisation,
      @RequestParam UUID person,
      Actor actor,
      Locale locale,
      Model model) {
    Invitation invitation = invitation(actor, organisation, person, locale);
    if (!invitation.allowed()) {
      throw new AccessDeniedException("the person also belongs elsewhere");
    }
    model.addAttribute("invitation", invitation);
    model.addAttribute(
        "link",
        links.issue(
            actor,
            new PersonId(person),
            SetupLinks.Purpose.INVITATION,
            SetupLinkService.INVITATION_VALIDITY));
    return "access/invitation-created";
  }

  private Invitation invitation(Actor actor, UUID organisationId, UUID personId, Locale locale) {
    OrganisationId organisation = new OrganisationId(organisationId);
    if (!policy.mayManage(actor, organisation)) {
      throw new AccessDeniedException("may not manage " + organisation);
    }
    OrganisationSummary org =
        directory
            .organisation(organisation)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    PersonSummary person =
        directory
            .person(new PersonId(personId))
            .filter(PersonSummary::active)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<MembershipSummary> memberships = directory.membershipsOf(person.id());
    if (memberships.stream().noneMatch(m -> m.organisation().equals(organisation))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    boolean allowed = memberships.stream().allMatch(m -> policy.mayManage(actor, m.organisation()));
    return new Invitation(
        organisationId, org.name(locale), personId, person.displayName(), person.email(), allowed);
  }
}
