package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.mamori.directory.Directory;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Switches the organisation a person acts for, among those they belong to. */
@Controller
class ActingForController {

  private final Directory directory;
  private final Credentials credentials;
  private final SecurityContextRepository contexts;
  private final java.time.Clock clock;

  ActingForController(
      Directory directory,
      Credentials credentials,
      SecurityContextRepository contexts,
      java.time.Clock clock) {
    this.directory = directory;
    this.credentials = credentials;
    this.contexts = contexts;
    this.clock = clock;
  }

  @PostMapping("/account/acting-for")
  String switchOrganisation(
      @RequestParam UUID organisation,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    MamoriPrincipal principal = (MamoriPrincipal) authentication.getPrincipal();
    OrganisationId target = new OrganisationId(organisation);
    boolean member =
        directory.membershipsOf(new PersonId(principal.personId())).stream()
            .anyMatch(m -> m.organisation().equals(target));
    if (!member) {
      throw new AccessDeniedException("not a member of " + organisation);
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        SignInCompletion.authenticated(
            principal.actingFor(target),
            authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .toArray(String[]::new)));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    credentials.recordSignIn(principal.personId(), organisation, clock.instant());
    return "redirect:/";
  }
}
