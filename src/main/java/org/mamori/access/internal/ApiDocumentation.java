package org.mamori.access.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.mamori.shared.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the OpenAPI description ({@code /v3/api-docs}) says to sign in: a personal API token, as a
 * Bearer token or as the password of HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String BEARER = "token";
  static final String BASIC = "basic";

  static {
    // Controllers take the caller as an Actor parameter; it is not part of any request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Bean
  OpenApiCustomizer apiTokenSecurity() {
    return openApi -> {
      Components components = openApi.getComponents();
      if (components == null) {
        components = new Components();
        openApi.setComponents(components);
      }
      components.addSecuritySchemes(
          BEARER,
          new SecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("bearer")
              .description(
                  "A personal API token (mmr_...), created under Account > API tokens in Mamori."));
      components.addSecuritySchemes(
          BASIC,
          new SecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("basic")
              .description("Any user name, with the personal API token as the password."));
      openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
      openApi.addSecurityItem(new SecurityRequirement().addList(BASIC));
    };
  }
}
