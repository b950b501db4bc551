package org.mamori.exchange.internal.taxii;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * TAXII 2.1's media types and content negotiation: {@code application/taxii+json;version=2.1}, or
 * without a version (the latest this server speaks, which is 2.1).
 */
final class TaxiiMedia {

  static final String TAXII_VALUE = "application/taxii+json;version=2.1";
  static final MediaType TAXII = MediaType.parseMediaType(TAXII_VALUE);
  static final String STIX_VALUE = "application/stix+json;version=2.1";
  static final String VERSION = "2.1";

  private TaxiiMedia() {}

  /**
   * Whether a response in TAXII 2.1 is acceptable: the client must name a TAXII media range (TAXII
   * 3.1), so {@code *}{@code /*} alone is not enough.
   */
  static boolean acceptable(List<String> acceptHeaders) {
    for (String header : acceptHeaders) {
      for (MediaType range : parse(header)) {
        if (isTaxii21(range) && range.getQualityValue() > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a request body is TAXII 2.1 JSON. */
  static boolean isTaxiiContent(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    List<MediaType> types = parse(contentType);
    return types.size() == 1 && isTaxii21(types.get(0));
  }

  private static boolean isTaxii21(MediaType type) {
    String version = type.getParameter("version");
    return "application".equalsIgnoreCase(type.getType())
        && "taxii+json".equalsIgnoreCase(type.getSubtype())
        && (version == null || VERSION.equals(version));
  }

  private static List<MediaType> parse(String header) {
    try {
      return MediaType.parseMediaTypes(header);
    } catch (InvalidMediaTypeException unreadable) {
      return Collections.emptyList();
    }
  }
}
