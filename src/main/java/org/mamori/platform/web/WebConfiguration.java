package org.mamori.platform.web;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Japanese first, English second: a visitor's language is the one they chose ({@code ?lang=en},
 * kept in a cookie), else English if the browser prefers it, else Japanese.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("mamori-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    // Without an Accept-Language header the servlet container would offer its own default.
    resolver.setDefaultLocaleFunction(
        request ->
            request.getHeader("Accept-Language") == null
                ? Locale.JAPANESE
                : supported(request.getLocale()));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change =
        new LocaleChangeInterceptor() {
          @Override
          protected Locale parseLocaleValue(String value) {
            return supported(super.parseLocaleValue(value));
          }
        };
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }

  static Locale supported(@Nullable Locale requested) {
    return requested != null && "en".equals(requested.getLanguage())
        ? Locale.ENGLISH
        : Locale.JAPANESE;
  }
}
