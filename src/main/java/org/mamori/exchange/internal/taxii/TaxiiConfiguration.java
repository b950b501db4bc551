package org.mamori.exchange.internal.taxii;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The TAXII server's web setup: content negotiation before any TAXII endpoint runs, envelopes
 * written object by object, and TAXII error messages for every failure under {@code /taxii2/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaxiiSettings.class)
class TaxiiConfiguration implements WebMvcConfigurer {

  @Bean
  TaxiiErrors taxiiErrors(MessageSource messages) {
    return new TaxiiErrors(messages);
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
    converters.addCustomConverter(new EnvelopeWriter());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Negotiation()).addPathPatterns("/taxii2", "/taxii2/**");
  }

  /**
   * 406 unless the client accepts TAXII 2.1; 415 for a POST body that is not TAXII 2.1 JSON (TAXII
   * 3.1: every request names a TAXII media range, every POST sends one).
   */
  static final class Negotiation implements HandlerInterceptor {

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (!TaxiiMedia.acceptable(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
        throw new TaxiiException(
            HttpStatus.NOT_ACCEPTABLE, "taxii.error.accept", TaxiiMedia.TAXII_VALUE);
      }
      if ("POST".equals(request.getMethod())
          && !TaxiiMedia.isTaxiiContent(request.getContentType())) {
        throw new TaxiiException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "taxii.error.contentType", TaxiiMedia.TAXII_VALUE);
      }
      return true;
    }
  }
}
