package org.mamori.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The bench's side of the wire: a person signing in and making an API token through Mamori's own
 * pages, then a TAXII 2.1 client using that token over real HTTP on loopback.
 */
final class TaxiiClient {

  static final String TAXII = "application/taxii+json;version=2.1";

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();

  /** TAXII clients carry their token, not the browser session the token was made in. */
  private final HttpClient taxiiHttp =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * Where pages are read into, kept from one page to the next: a fresh array for each page of 1,000
   * objects would be too large for the young generation, and this client shares its JVM (and
   * garbage collector) with the Mamori it measures.
   */
  private byte[] pageBuffer = new byte[1 << 20];

  private String token = "";

  TaxiiClient(int port) {
    this.base = URI.create("http://localhost:" + port);
  }

  /** Signs in with the form, as a person in a browser does; the session stays in this client. */
  void signIn(String email, String password) throws Exception {
    String signIn = csrf(page("/sign-in"));
    HttpResponse<String> signedIn =
        postForm("/sign-in", Map.of("email", email, "password", password, "_csrf", signIn));
    if (signedIn.statusCode() != 302
        || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
    }
  }

  /** The session's cookies as a {@code Cookie} header, for a load tool in another process. */
  String cookieHeader() {
    return cookies.getCookieStore().get(base).stream()
        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The status of a signed-in GET of a page (not following redirects). */
  int status(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(), BodyHandlers.discarding())
        .statusCode();
  }

  /** Signs in with the form and makes a read-and-write token acting for the organisation. */
  void signInAndMakeToken(String email, String password, UUID organisation) throws Exception {
    signIn(email, password);
    String form = csrf(page("/account/tokens"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "bench");
    fields.put("organisation", organisation.toString());
    fields.put("scope", "WRITE");
    fields.put("days", "1");
    fields.put("_csrf", form);
    HttpResponse<String> created = postForm("/account/tokens", fields);
    token = Jsoup.parse(created.body()).select("#secret").val();
    if (created.statusCode() != 200 || token.isBlank()) {
      throw new IllegalStateException("no API token was made: " + created.statusCode());
    }
  }

  /** POSTs an envelope to the collection's objects; returns the reply (a status resource). */
  HttpResponse<String> post(UUID collection, byte[] envelope)
      throws IOException, InterruptedException {
    return taxiiHttp.send(
        taxii(objectsPath(collection))
            .header("Content-Type", TAXII)
            .POST(BodyPublishers.ofByteArray(envelope))
            .build(),
        BodyHandlers.ofString());
  }

  /** A GET of a TAXII resource; the body is read whole before this returns. */
  HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return taxiiHttp.send(taxii(pathAndQuery).GET().build(), BodyHandlers.ofByteArray());
  }

  /** A body read into the client's page buffer: valid until the next {@link #getPage}. */
  record PageBody(int status, byte[] buffer, int length) {}

  /** A GET of a page of TAXII objects, read whole into the page buffer before this returns. */
  PageBody getPage(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<InputStream> reply =
        taxiiHttp.send(taxii(pathAndQuery).GET().build(), BodyHandlers.ofInputStream());
    int length = 0;
    try (InputStream body = reply.body()) {
      int read;
      while ((read = body.read(pageBuffer, length, pageBuffer.length - length)) >= 0) {
        length += read;
        if (length == pageBuffer.length) {
          pageBuffer = Arrays.copyOf(pageBuffer, pageBuffer.length * 2);
        }
      }
    }
    return new PageBody(reply.statusCode(), pageBuffer, length);
  }

  static String objectsPath(UUID collection) {
    return "/taxii2/mamori/collections/" + collection + "/objects/";
  }

  static String statusPath(String status) {
    return "/taxii2/mamori/status/" + status + "/";
  }

  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder taxii(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .header("Accept", TAXII)
        .header("Authorization", "Bearer " + token);
  }

  private Document page(String path) throws IOException, InterruptedException {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(), BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + page.statusCode());
    }
    return Jsoup.parse(page.body());
  }

  private static String csrf(Document page) {
    String value = page.select("form input[name=_csrf]").val();
    if (value.isBlank()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return value;
  }

  private HttpResponse<String> postForm(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    String body =
        fields.entrySet().stream()
            .map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }
}
