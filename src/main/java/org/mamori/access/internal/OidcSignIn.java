package org.mamori.access.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.UUID;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.PersonId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Signing in with the organisation's OpenID Connect provider. The provider's account is matched to
 * a Mamori person by the subject linked before, or else by a verified e-mail address, which then
 * links the subject. The provider stands in for the password: two-step sign-in and the rule for
 * platform administrators apply as after a password.
 */
@Component
class OidcSignIn
    implements OAuth2UserService<OidcUserRequest, OidcUser>,
        AuthenticationSuccessHandler,
        AuthenticationFailureHandler {

  static final String UNKNOWN_PERSON = "mamori_unknown_person";
  static final String DISABLED = "mamori_disabled";

  private final OidcUserService provider = new OidcUserService();
  private final OidcAccounts accounts;
  private final Credentials credentials;
  private final Directory directory;
  private final SignInCompletion completion;
  private final SessionSignIns sessions;
  private final TwoStepGate gate;

  OidcSignIn(
      OidcAccounts accounts,
      Credentials credentials,
      Directory directory,
      SignInCompletion completion,
      SessionSignIns sessions,
      TwoStepGate gate) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.directory = directory;
    this.completion = completion;
    this.sessions = sessions;
    this.gate = gate;
  }

  /** The provider's user, known to be a Mamori person who may sign in. */
  static final class MamoriOidcUser extends DefaultOidcUser {

    @Serial private static final long serialVersionUID = 1L;

    private final UUID personId;

    MamoriOidcUser(OidcUser user, UUID personId) {
      super(user.getAuthorities(), user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
      this.personId = personId;
    }

    UUID personId() {
      return personId;
    }
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
    PersonSummary person =
        accounts
            .match(
                subjectKey(issuer, user.getSubject()),
                user.getEmail(),
                Boolean.TRUE.equals(user.getEmailVerified()))
            .orElseThrow(() -> refused(UNKNOWN_PERSON));
    if (!person.active() || directory.membershipsOf(person.id()).isEmpty()) {
      throw refused(DISABLED);
    }
    return new MamoriOidcUser(user, person.id().value());
  }

  /** Issuer and subject together: a subject is unique only at its issuer. */
  static String subjectKey(String issuer, String subject) {
    // An issuer URL has no fragment, so '#' cannot be part of it.
    return issuer + "#" + subject;
  }

  private static OAuth2AuthenticationException refused(String code) {
    return new OAuth2AuthenticationException(new OAuth2Error(code));
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    MamoriOidcUser user = (MamoriOidcUser) authentication.getPrincipal();
    PersonId id = new PersonId(user.personId());
    PersonSummary person = directory.person(id).orElseThrow();
    List<MembershipSummary> memberships = directory.membershipsOf(id);
    Credentials.Credential credential = credentials.find(id.value()).orElseThrow();
    Authentication signedIn = completion.afterFirstFactor(person, credential, memberships);
    sessions.replace(signedIn, request, response);
    gate.onAuthenticationSuccess(request, response, signedIn);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    String code =
        failure instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : "";
    String reason =
        switch (code) {
          case UNKNOWN_PERSON -> "oidc-unknown";
          case DISABLED -> "disabled";
          default -> "oidc-failed";
        };
    response.sendRedirect(request.getContextPath() + "/sign-in?" + reason);
  }
}
