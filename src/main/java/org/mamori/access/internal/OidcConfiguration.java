package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * Optional sign-in with the organisation's OpenID Connect provider ({@code MAMORI_OIDC_ISSUER_URI},
 * {@code MAMORI_OIDC_CLIENT_ID}, {@code MAMORI_OIDC_CLIENT_SECRET}), registered as {@code oidc}.
 * Without an issuer there is no such sign-in.
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

  static final String REGISTRATION_ID = "oidc";

  @Bean
  @ConditionalOnExpression("'${mamori.oidc.issuer-uri:}'.trim() != ''")
  ClientRegistrationRepository oidcClientRegistrations(
      @Value("${mamori.oidc.issuer-uri}") String issuer,
      @Value("${mamori.oidc.client-id:}") String clientId,
      @Value("${mamori.oidc.client-secret:}") String clientSecret) {
    return new DiscoveredOnFirstUse(issuer.strip(), clientId.strip(), clientSecret);
  }

  /**
   * Reads the provider's discovery document when it is first needed rather than at start, so Mamori
   * starts (and password sign-in works) while the provider is unreachable.
   */
  static final class DiscoveredOnFirstUse implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(DiscoveredOnFirstUse.class);

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private volatile @Nullable ClientRegistration registration;

    DiscoveredOnFirstUse(String issuer, String clientId, String clientSecret) {
      this.issuer = issuer;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
      if (!REGISTRATION_ID.equals(registrationId)) {
        return null;
      }
      ClientRegistration found = registration;
      if (found == null) {
        synchronized (this) {
          found = registration;
          if (found == null) {
            found = discover();
            registration = found;
          }
        }
      }
      return found;
    }

    private @Nullable ClientRegistration discover() {
      try {
        return ClientRegistrations.fromIssuerLocation(issuer)
            .registrationId(REGISTRATION_ID)
            .clientId(clientId)
            .clientSecret(clientSecret)
            .scope("openid", "email", "profile")
            .userNameAttributeName(IdTokenClaimNames.SUB)
            .build();
      } catch (RuntimeException unreachable) {
        log.warn(
            "Could not read the OpenID Connect provider at {}: {}", issuer, unreachable.toString());
        return null;
      }
    }
  }

  /** Mamori calls no provider API after sign-in, so it keeps none of the provider's tokens. */
  static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
        String clientRegistrationId, Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient authorizedClient,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String clientRegistrationId,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
