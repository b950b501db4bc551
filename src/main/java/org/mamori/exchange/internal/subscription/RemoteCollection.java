package org.mamori.exchange.internal.subscription;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches one page of a remote TAXII 2.1 collection's objects (TAXII 5.3): {@code added_after},
 * {@code limit} and {@code next}, with the envelope's {@code more} and {@code next} and the {@code
 * X-TAXII-Date-Added-Last} header. Redirects are not followed; a page larger than the limit is
 * refused rather than held in memory.
 */
@Component
class RemoteCollection {

  static final String TAXII_MEDIA = "application/taxii+json;version=2.1";
  static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

  /** Numbers exactly as sent: a float is not rounded through a double on its way in. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final SubscriptionSettings settings;
  private final HttpClient http;

  RemoteCollection(SubscriptionSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** How to reach and sign in to the remote collection. */
  record Access(
      URI collection, AuthKind authKind, @Nullable String user, @Nullable String secret) {}

  /**
   * One page of objects, in the remote's date-added order.
   *
   * @param next the token for the following page, when the remote gives one
   * @param dateAddedLast the date added of the page's last object, as the remote wrote it
   */
  record Page(
      List<JsonNode> objects,
      boolean more,
      @Nullable String next,
      @Nullable String dateAddedLast) {}

  /** The remote did not give a page: its HTTP status, when it answered, and what it said. */
  static final class Failure extends Exception {

    private final @Nullable Integer status;

    Failure(@Nullable Integer status, String message) {
      super(message);
      this.status = status;
    }

    @Nullable Integer status() {
      return status;
    }
  }

  Page page(Access access, @Nullable String addedAfter, @Nullable String next) throws Failure {
    StringBuilder query = new StringBuilder("limit=").append(settings.pageSize());
    if (addedAfter != null) {
      query.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
    }
    if (next != null) {
      query.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    URI uri = access.collection().resolve("objects/?" + query);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Accept", TAXII_MEDIA).GET();
    authorise(request, access);
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        long max = settings.maxPageBytes().toBytes();
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
          throw new Failure(response.statusCode(), "the page is larger than " + max + " bytes");
        }
      }
      if (response.statusCode() != 200) {
        throw new Failure(response.statusCode(), errorMessage(body));
      }
      return page(body, response.headers().firstValue(DATE_ADDED_LAST).orElse(null));
    } catch (IOException e) {
      throw new Failure(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(null, "interrupted");
    }
  }

  private static void authorise(HttpRequest.Builder request, Access access) {
    switch (access.authKind()) {
      case NONE -> {}
      case BEARER -> request.header("Authorization", "Bearer " + access.secret());
      case BASIC ->
          request.header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (access.user() + ":" + access.secret())
                              .getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static Page page(byte[] body, @Nullable String dateAddedLast) throws Failure {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (JacksonException notJson) {
      throw new Failure(200, "the answer is not JSON");
    }
    if (envelope == null || !envelope.isObject()) {
      throw new Failure(200, "the answer is not a TAXII envelope");
    }
    JsonNode objects = envelope.path("objects");
    if (!objects.isMissingNode() && !objects.isArray()) {
      throw new Failure(200, "the envelope's objects are not a list");
    }
    List<JsonNode> list = new ArrayList<>(objects.size());
    objects.forEach(list::add);
    JsonNode next = envelope.get("next");
    return new Page(
        list,
        envelope.path("more").asBoolean(false),
        next != null && next.isString() && !next.stringValue().isEmpty()
            ? next.stringValue()
            : null,
        dateAddedLast);
  }

  /** A TAXII error message's title and description, else the start of the body. */
  private static String errorMessage(byte[] body) {
    try {
      JsonNode error = JSON.readTree(body);
      if (error != null && error.isObject() && error.hasNonNull("title")) {
        String description = error.path("description").asString("");
        return error.get("title").asString() + (description.isEmpty() ? "" : ": " + description);
      }
    } catch (JacksonException notJson) {
      // Not a TAXII error message: show what the remote said instead.
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
