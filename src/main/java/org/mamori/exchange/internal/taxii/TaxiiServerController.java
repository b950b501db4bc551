package org.mamori.exchange.internal.taxii;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mamori.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * TAXII 2.1's server information (TAXII 4): discovery at {@code /taxii2/}, Mamori's one API root
 * {@code /taxii2/mamori/}, and the status of requests that added objects.
 */
@RestController
class TaxiiServerController {

  static final String API_ROOT = "/taxii2/mamori/";

  private final Statuses statuses;
  private final TaxiiSettings settings;
  private final MessageSource messages;

  TaxiiServerController(Statuses statuses, TaxiiSettings settings, MessageSource messages) {
    this.statuses = statuses;
    this.settings = settings;
    this.messages = messages;
  }

  /** TAXII's discovery resource. */
  record Discovery(
      String title,
      String description,
      @JsonProperty("default") String defaultApiRoot,
      List<String> apiRoots) {}

  /** TAXII's API root resource. */
  record ApiRoot(String title, String description, List<String> versions, long maxContentLength) {}

  @GetMapping("/taxii2/")
  ResponseEntity<byte[]> discovery(Locale locale) {
    return TaxiiJson.ok(
        new Discovery(
            text("taxii.discovery.title", locale),
            text("taxii.discovery.description", locale),
            API_ROOT,
            List.of(API_ROOT)));
  }

  @GetMapping(API_ROOT)
  ResponseEntity<byte[]> apiRoot(Locale locale) {
    return TaxiiJson.ok(
        new ApiRoot(
            text("taxii.apiRoot.title", locale),
            text("taxii.apiRoot.description", locale),
            List.of(TaxiiMedia.TAXII_VALUE),
            settings.maxContentLength().toBytes()));
  }

  @GetMapping(API_ROOT + "status/{id}/")
  ResponseEntity<byte[]> status(@PathVariable String id, Actor actor) {
    return parseUuid(id)
        .flatMap(status -> statuses.of(status, actor))
        .map(status -> TaxiiJson.ok(Statuses.Resource.of(status)))
        .orElseThrow(() -> TaxiiException.notFound("taxii.error.status"));
  }

  /** A UUID written in full (UUID.fromString also takes abbreviations such as 1-1-1-1-1). */
  static Optional<UUID> parseUuid(String text) {
    try {
      UUID id = UUID.fromString(text);
      return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
