package org.mamori.access.internal;

import org.mamori.directory.Capability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in: machines with personal API tokens (stateless, under {@code /api}, {@code /taxii2}
 * and {@code /actuator}), and people in a browser session (form or OpenID Connect sign-in, CSRF
 * protected). Everything not named here needs a complete sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The API documentation (Swagger UI) sets inline styles from its script; it gets them, and
   * nothing else: scripts stay {@code 'self'} only.
   */
  static final String API_DOCS_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

  private static final RequestMatcher API_DOCS =
      PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

  @Bean
  @Order(1)
  SecurityFilterChain machineFilterChain(
      HttpSecurity http, CapabilityCheck capabilities, ApiTokenService tokens) throws Exception {
    ApiProblems problems = new ApiProblems();
    http.securityMatcher("/api/**", "/taxii2/**", "/actuator/**")
        .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // No cookies are accepted here, only tokens in headers: CSRF cannot ride on them.
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .access(capabilities.requires(Capability.ADMINISTER_PLATFORM))
                    // Refused before the body is read: "not yours to file" comes before "not
                    // valid".
                    .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/*/versions")
                    .access(capabilities.requires(Capability.REPORT))
                    .anyRequest()
                    .hasAuthority(Authorities.MEMBER))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(SecurityConfiguration::strictHeaders);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain browserFilterChain(
      HttpSecurity http,
      TwoStepGate twoStepGate,
      ObjectProvider<ClientRegistrationRepository> oidc,
      OidcSignIn oidcSignIn)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/sign-in",
                        "/setup/**",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error")
                    .permitAll()
                    .requestMatchers("/sign-in/two-step")
                    .hasAuthority(Authorities.TWO_STEP_PENDING)
                    .requestMatchers("/account/two-step/**")
                    .hasAnyAuthority(Authorities.MEMBER, Authorities.TWO_STEP_SETUP_REQUIRED)
                    .anyRequest()
                    .hasAuthority(Authorities.MEMBER))
        .formLogin(
            form ->
                form.loginPage("/sign-in")
                    .loginProcessingUrl("/sign-in")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(twoStepGate)
                    .failureHandler(new SignInFailureHandler()))
        .logout(
            logout ->
                logout
                    .logoutUrl("/sign-out")
                    .logoutSuccessUrl("/sign-in?signed-out")
                    .deleteCookies("MAMORI_SESSION"))
        .exceptionHandling(e -> e.accessDeniedHandler(twoStepGate))
        // A new session rather than a new id for the old one: with sessions in the database, a
        // request still holding the old session would otherwise write its old id back.
        .sessionManagement(s -> s.sessionFixation(f -> f.migrateSession()))
        .headers(SecurityConfiguration::browserHeaders);
    ClientRegistrationRepository registrations = oidc.getIfAvailable();
    if (registrations != null) {
      http.oauth2Login(
          login ->
              login
                  .loginPage("/sign-in")
                  .clientRegistrationRepository(registrations)
                  .authorizedClientRepository(new OidcConfiguration.NoTokensKept())
                  .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcSignIn))
                  .successHandler(oidcSignIn)
                  .failureHandler(oidcSignIn));
    }
    return http.build();
  }

  /** Machines get the strict policy everywhere. */
  private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
    commonHeaders(headers);
    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
  }

  /** Browsers get the strict policy everywhere but the API documentation. */
  private static void browserHeaders(HeadersConfigurer<HttpSecurity> headers) {
    commonHeaders(headers);
    headers
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(API_DOCS),
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                API_DOCS, new ContentSecurityPolicyHeaderWriter(API_DOCS_CONTENT_SECURITY_POLICY)));
  }

  private static void commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(
            referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }

  /** URL rules that need a capability of the organisation the caller acts for. */
  @Bean
  CapabilityCheck capabilityCheck(AccessDecisions decisions) {
    return capability ->
        (authentication, context) ->
            new AuthorizationDecision(
                authentication.get().getPrincipal() instanceof MamoriPrincipal principal
                    && authentication.get().getAuthorities().stream()
                        .anyMatch(a -> Authorities.MEMBER.equals(a.getAuthority()))
                    && decisions.can(principal.actor(), capability));
  }

  interface CapabilityCheck {
    AuthorizationManager<RequestAuthorizationContext> requires(Capability capability);
  }
}
