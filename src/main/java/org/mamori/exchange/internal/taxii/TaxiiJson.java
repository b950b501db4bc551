package org.mamori.exchange.internal.taxii;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.Page;
import org.mamori.exchange.internal.store.StoredVersion;
import org.mamori.exchange.internal.store.Timestamps;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * TAXII resources as HTTP responses: snake_case properties, absent rather than null, always the
 * TAXII media type. Envelopes are written from the stored JSON without parsing it.
 */
final class TaxiiJson {

  static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
  static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private TaxiiJson() {}

  /** TAXII forbids empty lists: an optional list with nothing in it is left out. */
  static <T> @Nullable List<T> orNone(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  static byte[] bytes(Object resource) {
    return JSON.writeValueAsBytes(resource);
  }

  static ResponseEntity<byte[]> ok(Object resource) {
    return respond(HttpStatus.OK, new HttpHeaders(), bytes(resource));
  }

  static ResponseEntity<byte[]> respond(HttpStatus status, HttpHeaders headers, byte[] body) {
    return ResponseEntity.status(status).headers(headers).contentType(TaxiiMedia.TAXII).body(body);
  }

  /** The date-added headers TAXII requires on object, manifest and version lists. */
  static HttpHeaders dateAdded(List<StoredVersion> versions) {
    HttpHeaders headers = new HttpHeaders();
    if (!versions.isEmpty()) {
      headers.set(DATE_ADDED_FIRST, Timestamps.taxii(versions.get(0).dateAdded()));
      headers.set(DATE_ADDED_LAST, Timestamps.taxii(versions.get(versions.size() - 1).dateAdded()));
    }
    return headers;
  }

  /** An envelope of STIX objects, written from the stored JSON's bytes as they are. */
  static ResponseEntity<Envelope> envelope(Page page) {
    return ResponseEntity.ok()
        .headers(dateAdded(page.versions()))
        .contentType(TaxiiMedia.TAXII)
        .body(new Envelope(page));
  }

  /** TAXII's envelope resource over a page of stored versions; {@link EnvelopeWriter} writes it. */
  record Envelope(Page page) {

    /** The text before the objects: {@code more}, {@code next}, the start of the list. */
    byte[] head() {
      StringBuilder head = new StringBuilder("{\"more\":").append(page.more());
      if (page.next() != null) {
        head.append(",\"next\":\"").append(page.next().token()).append('"');
      }
      if (!page.versions().isEmpty()) {
        head.append(",\"objects\":[");
      }
      return utf8(head.toString());
    }

    byte[] tail() {
      return utf8(page.versions().isEmpty() ? "}" : "]}");
    }

    long length() {
      long length = head().length + tail().length + Math.max(0, page.versions().size() - 1);
      for (StoredVersion version : page.versions()) {
        length += version.json().length;
      }
      return length;
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** TAXII's error message. */
  record Error(String title, String description, @Nullable String errorId, String httpStatus) {}

  /** TAXII's manifest record. */
  record ManifestRecord(String id, String dateAdded, String version, String mediaType) {

    static ManifestRecord of(StoredVersion version) {
      return new ManifestRecord(
          version.objectId(),
          Timestamps.taxii(version.dateAdded()),
          version.version(),
          version.mediaType());
    }
  }

  /** TAXII's manifest resource (with {@code next}, as for envelopes). */
  record Manifest(boolean more, @Nullable String next, @Nullable List<ManifestRecord> objects) {}

  /** TAXII's versions resource. */
  record Versions(boolean more, @Nullable String next, @Nullable List<String> versions) {}
}
