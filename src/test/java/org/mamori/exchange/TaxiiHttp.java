package org.mamori.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to the running server, as a TAXII client makes them. */
final class TaxiiHttp {

  static final String ROOT = "/taxii2/mamori/";
  static final String TAXII = "application/taxii+json;version=2.1";
  static final String FIRST = "X-TAXII-Date-Added-First";
  static final String LAST = "X-TAXII-Date-Added-Last";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static String collection(UUID collection) {
    return ROOT + "collections/" + collection + "/";
  }

  static String objects(UUID collection) {
    return collection(collection) + "objects/";
  }

  static String manifest(UUID collection) {
    return collection(collection) + "manifest/";
  }

  static String object(UUID collection, String objectId) {
    return objects(collection) + objectId + "/";
  }

  static String versions(UUID collection, String objectId) {
    return object(collection, objectId) + "versions/";
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;

  TaxiiHttp(int port) {
    this.base = URI.create("http://localhost:" + port);
  }

  /** A response: status, headers and body. */
  record Reply(int status, HttpHeaders headers, String body) {

    /** The ids of the objects (or manifest records) in an envelope, in order. */
    java.util.List<String> ids() {
      java.util.List<String> ids = new java.util.ArrayList<>();
      json().path("objects").forEach(o -> ids.add(o.get("id").asString()));
      return ids;
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  /** A GET with a Bearer token, accepting TAXII 2.1. */
  Reply get(String token, String path) {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  /** A POST of a TAXII envelope with a Bearer token. */
  Reply post(String token, String path, String envelope) {
    return send(
        request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", TAXII)
            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)));
  }

  Reply delete(String token, String path) {
    return send(request(path).header("Authorization", "Bearer " + token).DELETE());
  }

  /**
   * A request to the path accepting TAXII 2.1, to be completed by the caller. Java's URI refuses
   * the brackets of match[...] unencoded, so they are percent-encoded as most clients do.
   */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path.replace("[", "%5B").replace("]", "%5D")))
        .header("Accept", TAXII);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
