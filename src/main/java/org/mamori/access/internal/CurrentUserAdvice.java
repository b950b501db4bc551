package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.OrganisationId;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code me} into every page's model for a signed-in person. */
@ControllerAdvice
class CurrentUserAdvice {

  private final Directory directory;
  private final Credentials credentials;

  CurrentUserAdvice(Directory directory, Credentials credentials) {
    this.directory = directory;
    this.credentials = credentials;
  }

  @ModelAttribute("me")
  @Nullable CurrentUser me(
      @Nullable Authentication authentication, Locale locale, HttpServletRequest request) {
    if (authentication == null
        || !(authentication.getPrincipal() instanceof MamoriPrincipal principal)
        || authentication.getAuthorities().stream()
            .noneMatch(a -> Authorities.MEMBER.equals(a.getAuthority()))
        // API calls render no page
        || authentication.getAuthorities().stream()
            .anyMatch(a -> Authorities.API_TOKEN.equals(a.getAuthority()))) {
      return null;
    }
    List<MembershipSummary> memberships =
        directory.membershipsOf(new org.mamori.shared.PersonId(principal.personId()));
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(memberships.stream().map(MembershipSummary::organisation).toList());
    List<CurrentUser.MembershipChoice> choices =
        memberships.stream()
            .filter(m -> organisations.containsKey(m.organisation()))
            .map(
                m ->
                    new CurrentUser.MembershipChoice(
                        m.organisation().value(), organisations.get(m.organisation()).name(locale)))
            .sorted(Comparator.comparing(CurrentUser.MembershipChoice::organisationName))
            .toList();
    MembershipSummary acting =
        memberships.stream()
            .filter(m -> m.organisation().value().equals(principal.actingFor()))
            .findFirst()
            .orElse(null);
    boolean administers = acting != null && acting.can(Capability.ADMINISTER_PLATFORM);
    boolean hasTwoStep =
        credentials
            .find(principal.personId())
            .map(Credentials.Credential::hasTwoStep)
            .orElse(false);
    OrganisationSummary actingFor = organisations.get(new OrganisationId(principal.actingFor()));
    return new CurrentUser(
        principal.displayName(),
        principal.actingFor(),
        actingFor == null ? "" : actingFor.name(locale),
        choices,
        acting == null
            ? java.util.Set.of()
            : acting.capabilities().stream().map(Enum::name).collect(Collectors.toSet()),
        actingFor == null
            ? java.util.Set.of()
            : actingFor.kinds().stream().map(Enum::name).collect(Collectors.toSet()),
        administers && !hasTwoStep && !noticeUnwanted(request));
  }

  /** The person said "not now" in this session, or is on the two-step pages already. */
  private static boolean noticeUnwanted(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/account/two-step")) {
      return true;
    }
    HttpSession session = request.getSession(false);
    return session != null
        && Boolean.TRUE.equals(session.getAttribute(TwoStepController.NOTICE_DISMISSED));
  }
}
