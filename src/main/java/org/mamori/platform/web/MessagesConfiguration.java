package org.mamori.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each module owns its texts in {@code i18n/messages_<module>_ja.properties} and {@code
 * _en.properties}; this finds them all, so a new module needs no registration here.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

  static final String BUNDLES = "classpath*:i18n/messages_*_ja.properties";
  private static final Pattern BUNDLE_NAME = Pattern.compile("(messages_[a-z]+)_ja\\.properties");

  @Bean
  MessageSource messageSource() {
    ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
    source.setBasenames(basenames());
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setDefaultLocale(Locale.JAPANESE);
    source.setFallbackToSystemLocale(false);
    return source;
  }

  static String[] basenames() {
    try {
      Resource[] bundles = new PathMatchingResourcePatternResolver().getResources(BUNDLES);
      return Arrays.stream(bundles)
          .map(Resource::getFilename)
          .filter(Objects::nonNull)
          .map(BUNDLE_NAME::matcher)
          .filter(Matcher::matches)
          .map(m -> "classpath:i18n/" + m.group(1))
          .distinct()
          .sorted()
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the message bundles", e);
    }
  }
}
