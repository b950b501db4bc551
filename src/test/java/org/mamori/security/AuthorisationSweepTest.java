package org.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.directory.Directory;
import org.mamori.sharing.AdvisoryRequests;
import org.mamori.sharing.ReportRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint Mamori registers (read from Spring's handler mappings, so nobody has to
 * remember to list a new one here) is called as nobody, as people of other organisations and as
 * each role, with the identifiers of real items in its path, and must answer as {@link #RULES}
 * says: anonymous callers are sent to sign in (pages) or get 401 (API, TAXII); callers the rule
 * leaves out get 403 or 404; callers it names get an answer (2xx or 3xx). Nobody ever gets a 500.
 * An endpoint without a row fails the sweep until someone decides who may use it.
 *
 * <p>Changes (POST, DELETE) are only ever sent without a CSRF token, anonymously or by a caller the
 * rule refuses, so the sweep changes nothing other tests rely on.
 */
@MamoriTest
class AuthorisationSweepTest {

  /** Who calls: nobody, or a new person holding one role. */
  enum Caller {
    ANONYMOUS,
    /** A reporter (and organisation administrator) of the operator whose report is swept. */
    OPERATOR,
    /** A reporter and organisation administrator of an unrelated operator in another sector. */
    OTHER_OPERATOR,
    /** A liaison of the electric power CEPTOAR (the operator is in no CEPTOAR). */
    CEPTOAR,
    /** A liaison and organisation administrator of the electric power sector's ministry. */
    MINISTRY,
    ANALYST,
    DUTY_OFFICER,
    ADMIN,
    AUDITOR
  }

  /** Who may use an endpoint. Everybody else who is signed in is refused with 403 or 404. */
  enum Rule {
    /** Anybody, signed in or not. */
    PUBLIC(EnumSet.allOf(Caller.class)),
    /** Anybody signed in: what they see is their own or filtered for them. */
    SIGNED_IN(EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS))),
    /** Platform administrators. */
    ADMIN_ONLY(EnumSet.of(Caller.ADMIN)),
    /** Auditors. */
    AUDITORS(EnumSet.of(Caller.AUDITOR)),
    /** The national hub and the ministries, who review candidate sectors. */
    HUB_AND_MINISTRIES(
        EnumSet.of(
            Caller.MINISTRY, Caller.ANALYST, Caller.DUTY_OFFICER, Caller.ADMIN, Caller.AUDITOR)),
    /** The hub's analysts and duty officers. */
    HUB_ANALYSTS(EnumSet.of(Caller.ANALYST, Caller.DUTY_OFFICER)),
    /** Everyone acting for the national hub, who watch situations. */
    HUB_MEMBERS(EnumSet.of(Caller.ANALYST, Caller.DUTY_OFFICER, Caller.ADMIN, Caller.AUDITOR)),
    /** The hub's duty officers, who decide on situations. */
    DUTY_OFFICERS(EnumSet.of(Caller.DUTY_OFFICER)),
    /** Platform administrators and the hub's duty officers: the recognition rules. */
    ADMINS_AND_DUTY_OFFICERS(EnumSet.of(Caller.ADMIN, Caller.DUTY_OFFICER)),
    /** People who may file reports for their organisation. */
    REPORTERS(EnumSet.of(Caller.OPERATOR, Caller.OTHER_OPERATOR)),
    /** Liaisons, who issue advisories: CEPTOARs, ministries and the hub's duty officers. */
    RELAYS(EnumSet.of(Caller.CEPTOAR, Caller.MINISTRY, Caller.DUTY_OFFICER)),
    /** Administrators of an organisation (each for their own) and platform administrators. */
    ORGANISATION_ADMINS(
        EnumSet.of(Caller.OPERATOR, Caller.OTHER_OPERATOR, Caller.MINISTRY, Caller.ADMIN)),
    /** The swept operator's administrators and platform administrators. */
    ITS_ADMINS(EnumSet.of(Caller.OPERATOR, Caller.ADMIN)),
    /** The person the swept item belongs to: the operator's reporter (its report, its token). */
    ITS_OWNER(EnumSet.of(Caller.OPERATOR)),
    /** The swept TLP:AMBER report has reached its operator's CEPTOAR and ministry, not the hub. */
    REPORT_READERS(EnumSet.of(Caller.OPERATOR, Caller.CEPTOAR, Caller.MINISTRY)),
    /** The liaisons holding the swept report, who may pass it on. */
    REPORT_HOLDERS(EnumSet.of(Caller.CEPTOAR, Caller.MINISTRY)),
    /**
     * The swept TLP:AMBER advisory, from the hub to the telecom sector, goes down the sharing map
     * through every ministry and CEPTOAR; the hub issued it.
     */
    ADVISORY_READERS(
        EnumSet.of(
            Caller.CEPTOAR,
            Caller.MINISTRY,
            Caller.ANALYST,
            Caller.DUTY_OFFICER,
            Caller.ADMIN,
            Caller.AUDITOR)),
    /** The issuing organisation's liaisons, who send reminders. */
    ADVISORY_ISSUERS(EnumSet.of(Caller.DUTY_OFFICER)),
    /**
     * Readers of the electric power CEPTOAR's TAXII collection: the sector's operators, the
     * CEPTOAR, the hub.
     */
    COLLECTION_READERS(
        EnumSet.of(
            Caller.OPERATOR,
            Caller.CEPTOAR,
            Caller.ANALYST,
            Caller.DUTY_OFFICER,
            Caller.ADMIN,
            Caller.AUDITOR)),
    /**
     * Who may add to it: people of the CEPTOAR and the hub who share information (not auditors).
     */
    COLLECTION_WRITERS(
        EnumSet.of(Caller.CEPTOAR, Caller.ANALYST, Caller.DUTY_OFFICER, Caller.ADMIN)),
    /** Nobody here: the path names nobody's item, or the page is for a half-done sign-in. */
    NOBODY(EnumSet.noneOf(Caller.class));

    final Set<Caller> allowed;

    Rule(Set<Caller> allowed) {
      this.allowed = allowed;
    }
  }

  /** Method and path pattern → who may use it. A new endpoint needs a row here. */
  static final Map<String, Rule> RULES = rules();

  private static Map<String, Rule> rules() {
    Map<String, Rule> rules = new TreeMap<>();
    rule(rules, Rule.HUB_MEMBERS, "GET /situations");
    rule(
        rules,
        Rule.DUTY_OFFICERS,
        "GET /situations/call",
        "POST /situations/call",
        "GET /situations/{id}/level",
        "POST /situations/{id}/level",
        "POST /situations/{id}/close",
        "POST /situations/{id}/sitreps",
        "POST /situations/{id}/sitreps/{number}",
        "POST /situations/proposals/{id}/confirm",
        "POST /situations/proposals/{id}/dismiss");
    rule(rules, Rule.ADMIN_ONLY, "GET /situations/levels", "POST /situations/levels/{code}");
    rule(rules, Rule.ADMINS_AND_DUTY_OFFICERS, "GET /situations/rules");
    rule(rules, Rule.ADMIN_ONLY, "POST /situations/rules/{code}");
    // No situation is swept: its identifiers name nothing.
    rule(
        rules,
        Rule.NOBODY,
        "GET /situations/{id}",
        "GET /situations/proposals/{id}",
        "GET /situations/{id}/sitreps/{number}",
        "GET /situations/{id}/after-action.json",
        "GET /situations/{id}/after-action.pdf");
    rule(rules, Rule.PUBLIC, "GET /sign-in", "GET /setup/{secret}", "POST /setup/{secret}");
    rule(rules, Rule.PUBLIC, "GET /actuator/health", "GET /actuator/health/**");
    rule(rules, Rule.NOBODY, "GET /sign-in/two-step", "POST /sign-in/two-step");
    rule(
        rules,
        Rule.SIGNED_IN,
        "GET /",
        "GET /account",
        "GET /account/password",
        "POST /account/password",
        "GET /account/tokens",
        "POST /account/tokens",
        "GET /account/two-step",
        "GET /account/two-step/setup",
        "POST /account/two-step/setup",
        "POST /account/two-step/off",
        "POST /account/two-step/notice",
        "POST /account/acting-for",
        "GET /api-docs",
        "GET /v3/api-docs",
        "GET /v3/api-docs.yaml",
        "GET /v3/api-docs/swagger-config",
        "GET /api/me",
        "GET /notifications",
        "GET /notifications/list",
        "GET /notifications/stream",
        "GET /notifications/preferences",
        "POST /notifications/preferences",
        "POST /notifications/read-all",
        "POST /reports/drafts/{id}/delete",
        "GET /directory/organisations",
        "GET /directory/organisations/{code}",
        "GET /directory/roles",
        "GET /directory/sectors",
        "GET /directory/sectors/{code}",
        "GET /directory/sharing-map",
        "GET /directory/size-thresholds",
        "GET /reports",
        "GET /reports/export.csv",
        "GET /api/reports",
        "GET /advisories",
        "GET /api/advisories",
        "GET /trends",
        "GET /trends/levels",
        "GET /trends/reports",
        "GET /exchange/received",
        "GET /taxii2/",
        "GET /taxii2/mamori/",
        "GET /taxii2/mamori/collections/");
    // Identifiers that name nothing of the caller's: a notification, a draft, an attachment, a row.
    rule(
        rules,
        Rule.NOBODY,
        "POST /notifications/{id}/read",
        "GET /reports/{reference}/attachments/{id}",
        "GET /exchange/received/{row}",
        "GET /exchange/misp/status/{status}",
        "GET /taxii2/mamori/status/{id}/");
    rule(
        rules,
        Rule.ADMIN_ONLY,
        "GET /actuator",
        "GET /actuator/prometheus",
        "GET /directory/organisations/new",
        "POST /directory/organisations",
        "POST /directory/organisations/{code}/classification",
        "POST /directory/sectors/{code}",
        "POST /directory/sectors/{code}/ministry",
        "POST /directory/sharing-map/edges",
        "GET /directory/sharing-map/edges/{id}",
        "POST /directory/sharing-map/edges/{id}",
        "POST /directory/sharing-map/edges/{id}/delete",
        "POST /directory/size-thresholds",
        "GET /directory/import",
        "POST /directory/import",
        "GET /directory/import/template.csv",
        "GET /directory/import/{id}",
        "POST /directory/import/{id}",
        "POST /directory/import/{id}/cancel",
        "GET /directory/candidates/new",
        "POST /directory/candidates",
        "GET /directory/candidates/criteria/{code}",
        "POST /directory/candidates/criteria/{code}",
        "GET /directory/candidates/{id}/edit",
        "POST /directory/candidates/{id}/edit",
        "GET /directory/candidates/{id}/advance",
        "POST /directory/candidates/{id}/advance",
        "GET /directory/candidates/{id}/withdraw",
        "POST /directory/candidates/{id}/withdraw",
        "GET /directory/candidates/{id}/designate",
        "POST /directory/candidates/{id}/designate",
        "GET /directory/candidates/{id}/scores/{criterion}",
        "POST /directory/candidates/{id}/scores/{criterion}",
        "GET /reports/taxonomy",
        "GET /reports/taxonomy/new/{list}",
        "POST /reports/taxonomy/{list}",
        "GET /reports/taxonomy/{list}/{code}",
        "POST /reports/taxonomy/{list}/{code}",
        "POST /reports/taxonomy/{list}/{code}/retirement",
        "GET /reports/regimes",
        "GET /reports/regimes/new",
        "POST /reports/regimes",
        "GET /reports/regimes/{code}",
        "POST /reports/regimes/{code}",
        "POST /trends/levels",
        "GET /exchange/collections",
        "POST /exchange/collections",
        "GET /exchange/collections/new",
        "GET /exchange/collections/{id}",
        "POST /exchange/collections/{id}",
        "GET /exchange/subscriptions",
        "POST /exchange/subscriptions",
        "GET /exchange/subscriptions/new",
        "GET /exchange/subscriptions/{id}",
        "GET /exchange/subscriptions/{id}/edit",
        "POST /exchange/subscriptions/{id}/edit",
        "POST /exchange/subscriptions/{id}/enabled",
        "POST /exchange/subscriptions/{id}/poll");
    rule(rules, Rule.AUDITORS, "GET /audit", "GET /audit/export.csv", "POST /audit/verify");
    rule(
        rules,
        Rule.HUB_AND_MINISTRIES,
        "GET /directory/candidates",
        "GET /directory/candidates/criteria",
        "GET /directory/candidates/{id}");
    rule(rules, Rule.HUB_ANALYSTS, "GET /trends/spread", "GET /trends/spread/{id}");
    rule(rules, Rule.REPORTERS, "GET /reports/new", "POST /reports", "POST /api/reports");
    rule(rules, Rule.RELAYS, "GET /advisories/new", "POST /advisories");
    rule(
        rules,
        Rule.ORGANISATION_ADMINS,
        "GET /reports/settings",
        "POST /reports/settings",
        "GET /notifications/webhook",
        "POST /notifications/webhook",
        "POST /notifications/webhook/remove");
    rule(
        rules,
        Rule.ITS_ADMINS,
        "GET /directory/organisations/{code}/edit",
        "POST /directory/organisations/{code}/edit",
        "POST /directory/organisations/{code}/people",
        "POST /directory/organisations/{code}/people/{personId}",
        "GET /directory/organisations/{code}/people/{personId}/remove",
        "POST /directory/organisations/{code}/people/{personId}/remove",
        "GET /account/invitations/new",
        "POST /account/invitations");
    rule(
        rules,
        Rule.ITS_OWNER,
        "POST /account/tokens/{id}/revoke",
        "GET /reports/{reference}/versions/new",
        "POST /reports/{reference}/versions",
        "POST /reports/{reference}/versions/{number}/decision",
        "POST /api/reports/{reference}/versions");
    rule(
        rules,
        Rule.REPORT_READERS,
        "GET /reports/{reference}",
        "GET /reports/{reference}/stix",
        "GET /reports/{reference}/misp",
        "GET /api/reports/{reference}",
        "GET /api/reports/{reference}/stix",
        "GET /api/reports/{reference}/misp",
        "POST /reports/{reference}/comments",
        "POST /reports/{reference}/attachments",
        "POST /reports/{reference}/marking");
    rule(
        rules,
        Rule.REPORT_HOLDERS,
        "POST /reports/{reference}/forward",
        "POST /api/reports/{reference}/forward");
    rule(
        rules,
        Rule.ADVISORY_READERS,
        "GET /advisories/{reference}",
        "GET /advisories/{reference}/stix",
        "GET /advisories/{reference}/misp",
        "GET /api/advisories/{reference}",
        "GET /api/advisories/{reference}/stix",
        "GET /api/advisories/{reference}/misp",
        "POST /advisories/{reference}/acknowledgement",
        "POST /api/advisories/{reference}/acknowledgement",
        "POST /advisories/{reference}/marking",
        "POST /advisories/{reference}/relay");
    rule(rules, Rule.ADVISORY_ISSUERS, "POST /advisories/{reference}/reminders");
    String collection = "/taxii2/mamori/collections/{collection}/";
    rule(
        rules,
        Rule.COLLECTION_READERS,
        "GET " + collection,
        "GET " + collection + "manifest/",
        "GET " + collection + "objects/",
        "GET " + collection + "objects/{objectId}/",
        "GET " + collection + "objects/{objectId}/versions/");
    rule(
        rules,
        Rule.COLLECTION_WRITERS,
        "POST " + collection + "objects/",
        "DELETE " + collection + "objects/{objectId}/",
        "GET /exchange/misp",
        "POST /exchange/misp",
        "POST /api/exchange/misp");
    return rules;
  }

  private static void rule(Map<String, Rule> rules, Rule rule, String... endpoints) {
    for (String endpoint : endpoints) {
      if (rules.put(endpoint, rule) != null) {
        throw new IllegalStateException("two rows for " + endpoint);
      }
    }
  }

  private static final Set<String> MACHINE_PATHS = Set.of("/api/", "/taxii2/", "/actuator");

  /**
   * Endpoints whose JSON body is checked before the item it names: a caller with the right role but
   * not the item gets 400 for the sweep's empty body, learning nothing about the item.
   */
  private static final Set<String> VALIDATED_FIRST =
      Set.of("POST /api/reports/{reference}/versions");

  /**
   * Spring Boot's error page, reached by a forward that carries the failed request's status; called
   * directly it has none and says 500.
   */
  private static final String ERROR_PAGE = "/error";

  private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

  /** An identifier that names nothing. */
  private static final String NOTHING = "00000000-0000-4000-8000-000000000000";

  /** Identifiers that name nothing, where an identifier has a form of its own. */
  private static final Map<String, String> MADE_UP =
      Map.of(
          "/exchange/received/{row}",
          "9007199254740991",
          "/situations/{id}/sitreps/{number}",
          "2147483647",
          "/taxii2/mamori/collections/{collection}/objects/{objectId}",
          "indicator--" + NOTHING);

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired Directory directory;
  @Autowired List<RequestMappingInfoHandlerMapping> handlerMappings;

  private final Map<Caller, RequestPostProcessor> sessions = new EnumMap<>(Caller.class);
  private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  private final Map<String, String> samples = new TreeMap<>();
  private final Map<String, String> queries = new TreeMap<>();

  @Test
  void everyEndpointAnswersEveryCallerAsItsRuleSays() throws Exception {
    signInEveryone();
    List<String> wrong = new ArrayList<>();
    Set<String> unlisted = new TreeSet<>();
    int calls = 0;
    Set<Endpoint> endpoints = endpoints();
    Set<String> stale = new TreeSet<>(RULES.keySet());
    endpoints.forEach(endpoint -> stale.remove(endpoint.key()));
    assertThat(stale).as("rows in RULES for endpoints that no longer exist").isEmpty();
    for (Endpoint endpoint : endpoints) {
      Rule rule = RULES.get(endpoint.key());
      if (rule == null) {
        unlisted.add(endpoint.key() + "  " + observed(endpoint));
        continue;
      }
      for (Caller caller : Caller.values()) {
        for (Call call : calls(endpoint, rule, caller)) {
          calls++;
          String answer;
          Outcome actual;
          try {
            MockHttpServletResponse response =
                mvc.perform(call.request()).andReturn().getResponse();
            actual = Outcome.of(response);
            answer = String.valueOf(response.getStatus());
          } catch (ServletException unhandled) {
            actual = Outcome.SERVER_ERROR;
            answer = String.valueOf(unhandled.getCause());
          }
          if (!call.expected().contains(actual)) {
            wrong.add(
                "%s as %s%s: %s (%s), expected %s"
                    .formatted(
                        endpoint.key(), caller, call.note(), actual, answer, call.expected()));
          }
        }
      }
    }
    assertThat(unlisted)
        .as("endpoints without a rule: add a row for each to RULES (what each caller got now)")
        .isEmpty();
    assertThat(wrong).as("answers that break their rule").isEmpty();
    assertThat(calls).as("the sweep called the endpoints").isGreaterThan(500);
  }

  /** What an answer means. */
  enum Outcome {
    ANSWERED,
    SIGN_IN,
    UNAUTHORISED,
    REFUSED,
    /** Authorised, but the request itself was wrong (400, 405, 406, 415, 422...). */
    REQUEST_REFUSED,
    SERVER_ERROR;

    static Outcome of(MockHttpServletResponse response) {
      int status = response.getStatus();
      @Nullable String location = response.getRedirectedUrl();
      if (status >= 500) {
        return SERVER_ERROR;
      }
      if (status == 302 && location != null && location.contains("/sign-in")) {
        return SIGN_IN;
      }
      if (status == 401) {
        return UNAUTHORISED;
      }
      if (status == 403 || status == 404) {
        return REFUSED;
      }
      if (status >= 400) {
        return REQUEST_REFUSED;
      }
      return ANSWERED;
    }
  }

  /**
   * One method on one path pattern, with the request parameters its handler requires (a plausible
   * value each, so that the sweep reaches the authorisation behind them) and its file parameters.
   */
  record Endpoint(
      HttpMethod method, String pattern, Map<String, String> parameters, List<String> files) {
    String key() {
      return method.name() + " " + pattern;
    }

    boolean machine() {
      return MACHINE_PATHS.stream().anyMatch(pattern::startsWith);
    }

    boolean changes() {
      return method != HttpMethod.GET;
    }
  }

  record Call(
      AbstractMockHttpServletRequestBuilder<?> request, Set<Outcome> expected, String note) {}

  /** Every method and pattern the application serves, sorted. */
  private Set<Endpoint> endpoints() {
    Set<Endpoint> endpoints =
        new TreeSet<>(
            (a, b) ->
                a.pattern().equals(b.pattern())
                    ? a.method().name().compareTo(b.method().name())
                    : a.pattern().compareTo(b.pattern()));
    for (RequestMappingInfoHandlerMapping mapping : handlerMappings) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        HandlerMethod handler = mapping.getHandlerMethods().get(info);
        Map<String, String> parameters = new TreeMap<>();
        List<String> files = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
          RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
          String name =
              param == null || param.name().isEmpty()
                  ? parameter.getParameter().getName()
                  : param.name();
          if (parameter.getParameterType() == MultipartFile.class) {
            files.add(name);
          } else if (param != null
              && param.required()
              && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
            parameters.put(name, plausible(parameter.getParameterType()));
          }
        }
        for (String pattern : info.getPatternValues()) {
          if (pattern.equals(ERROR_PAGE)) {
            continue;
          }
          if (methods.isEmpty()) {
            endpoints.add(new Endpoint(HttpMethod.GET, pattern, parameters, files));
          }
          for (RequestMethod method : methods) {
            if (method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
              endpoints.add(
                  new Endpoint(HttpMethod.valueOf(method.name()), pattern, parameters, files));
            }
          }
        }
      }
    }
    return endpoints;
  }

  /** A value of the type that names nothing in particular. */
  private static String plausible(Class<?> type) {
    if (type.isEnum()) {
      return ((Enum<?>) type.getEnumConstants()[0]).name();
    }
    if (type == UUID.class) {
      return NOTHING;
    }
    if (type == boolean.class || type == Boolean.class) {
      return "false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "1";
    }
    return "sweep";
  }

  /**
   * The calls that check a rule for one caller. A read is made by everybody; a change only without
   * a CSRF token, anonymously, or by a caller the rule refuses.
   */
  private List<Call> calls(Endpoint endpoint, Rule rule, Caller caller) {
    boolean allowed = rule.allowed.contains(caller);
    Set<Outcome> refused =
        caller == Caller.ANONYMOUS
            ? EnumSet.of(endpoint.machine() ? Outcome.UNAUTHORISED : Outcome.SIGN_IN)
            : VALIDATED_FIRST.contains(endpoint.key())
                ? EnumSet.of(Outcome.REFUSED, Outcome.REQUEST_REFUSED)
                : EnumSet.of(Outcome.REFUSED);
    List<Call> calls = new ArrayList<>();
    if (!endpoint.changes()) {
      Set<Outcome> expected = allowed ? answered(endpoint) : refused;
      calls.add(new Call(as(caller, endpoint), expected, ""));
      return calls;
    }
    if (!endpoint.machine() && (caller == Caller.ANONYMOUS || caller == firstAllowed(rule))) {
      calls.add(
          new Call(
              as(caller, endpoint).with(csrf().useInvalidToken()),
              EnumSet.of(Outcome.REFUSED),
              " without a valid CSRF token"));
    }
    if (!allowed) {
      calls.add(new Call(as(caller, endpoint).with(csrf()), refused, ""));
    }
    return calls;
  }

  /**
   * The CSRF check comes before any rule, so it is made anonymously and by one caller the rule lets
   * in, whom a missing token alone must stop.
   */
  private static @Nullable Caller firstAllowed(Rule rule) {
    return rule.allowed.stream().filter(c -> c != Caller.ANONYMOUS).findFirst().orElse(null);
  }

  /** An answer; where the path names an item that does not exist, a 404 too. */
  private Set<Outcome> answered(Endpoint endpoint) {
    return namesNothing(endpoint.pattern())
        ? EnumSet.of(Outcome.ANSWERED, Outcome.REFUSED)
        : EnumSet.of(Outcome.ANSWERED);
  }

  private AbstractMockHttpServletRequestBuilder<?> as(Caller caller, Endpoint endpoint) {
    String query = queries.getOrDefault(endpoint.pattern(), "");
    String url = fill(endpoint.pattern()) + (query.isEmpty() ? "" : "?" + query);
    AbstractMockHttpServletRequestBuilder<?> request;
    if (endpoint.files().isEmpty()) {
      request = request(endpoint.method(), url);
    } else {
      MockMultipartHttpServletRequestBuilder upload = multipart(endpoint.method(), url);
      endpoint.files().forEach(name -> upload.file(name, "sweep".getBytes(StandardCharsets.UTF_8)));
      request = upload;
    }
    if (query.isEmpty()) {
      endpoint.parameters().forEach(request::param);
    }
    if (endpoint.pattern().startsWith("/taxii2/")) {
      request.header(HttpHeaders.ACCEPT, "application/taxii+json;version=2.1");
      if (endpoint.changes()) {
        request.contentType("application/taxii+json;version=2.1").content("{\"objects\":[]}");
      }
    } else if (endpoint.machine() && endpoint.changes()) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (caller == Caller.ANONYMOUS) {
      return request;
    }
    if (endpoint.machine()) {
      return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(caller));
    }
    return request.with(sessions.get(caller));
  }

  /** What each caller gets from an endpoint without a rule, to help write its row. */
  private String observed(Endpoint endpoint) throws Exception {
    StringBuilder seen = new StringBuilder();
    for (Caller caller : Caller.values()) {
      AbstractMockHttpServletRequestBuilder<?> request = as(caller, endpoint);
      if (endpoint.changes()) {
        // Without a valid token nothing changes; what matters is who gets past the URL rules.
        if (!endpoint.machine()) {
          request.with(csrf().useInvalidToken());
        }
      }
      int status = mvc.perform(request).andReturn().getResponse().getStatus();
      seen.append(caller).append('=').append(status).append(' ');
    }
    return seen.toString().strip();
  }

  /**
   * The pattern with real identifiers in its variables, looked up by the pattern up to the variable
   * (the same for a page and its {@code /api} twin); any other variable names nothing.
   */
  private String fill(String pattern) {
    String template = pattern.replace("/**", "");
    StringBuilder url = new StringBuilder();
    int from = 0;
    Matcher variable = VARIABLE.matcher(template);
    while (variable.find()) {
      String upToVariable = upTo(template, variable);
      url.append(template, from, variable.start())
          .append(samples.getOrDefault(upToVariable, MADE_UP.getOrDefault(upToVariable, NOTHING)));
      from = variable.end();
    }
    return url.append(template.substring(from)).toString();
  }

  /** Does a variable of the pattern name nothing that exists? */
  private boolean namesNothing(String pattern) {
    Matcher variable = VARIABLE.matcher(pattern);
    while (variable.find()) {
      if (!samples.containsKey(upTo(pattern, variable))) {
        return true;
      }
    }
    return false;
  }

  private static String upTo(String template, Matcher variable) {
    return template.substring(0, variable.end()).replaceFirst("^/api/", "/");
  }

  private void signInEveryone() throws Exception {
    String operator = people.newOperator("electricity");
    String otherOperator = people.newOperator("water");
    Map<Caller, TestPeople.TestPerson> persons = new EnumMap<>(Caller.class);
    persons.put(Caller.OPERATOR, people.create(operator, "reporter", "org-admin"));
    persons.put(Caller.OTHER_OPERATOR, people.create(otherOperator, "reporter", "org-admin"));
    persons.put(Caller.CEPTOAR, people.create("ceptoar-electricity", "relay"));
    persons.put(Caller.MINISTRY, people.create("meti", "relay", "org-admin"));
    persons.put(Caller.ANALYST, people.create("national-hub", "analyst"));
    persons.put(Caller.DUTY_OFFICER, people.create("national-hub", "duty-officer"));
    persons.put(Caller.ADMIN, people.create("national-hub", "platform-admin"));
    persons.put(Caller.AUDITOR, people.create("national-hub", "auditor"));
    for (Map.Entry<Caller, TestPeople.TestPerson> person : persons.entrySet()) {
      RequestPostProcessor session = SignIn.as(mvc, person.getValue().email(), TestPeople.PASSWORD);
      sessions.put(person.getKey(), session);
      String organisation =
          jdbc.sql("select organisation_id from membership where person_id = :person limit 1")
              .param("person", person.getValue().id().value())
              .query(UUID.class)
              .single()
              .toString();
      tokens.put(person.getKey(), Tokens.create(mvc, session, organisation, "WRITE"));
    }
    String report =
        ReportRequests.reference(
            mvc.perform(
                ReportRequests.firstReport("認可掃引の報告", "AMBER")
                    .with(sessions.get(Caller.OPERATOR))));
    String advisory =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("認可掃引の注意喚起", "AMBER")
                    .param("sectors", AdvisoryRequests.sector(directory, "telecom"))
                    .param("acknowledgeBy", AdvisoryRequests.inDays(1))
                    .with(sessions.get(Caller.DUTY_OFFICER))));
    UUID collection =
        jdbc.sql("select id from taxii_collection where alias = 'electricity-ceptoar'")
            .query(UUID.class)
            .single();
    samples.put("/reports/{reference}", report);
    samples.put("/advisories/{reference}", advisory);
    samples.put("/reports/{reference}/versions/{number}", "1");
    samples.put(
        "/account/tokens/{id}",
        jdbc.sql("select id from api_token where person_id = :person")
            .param("person", persons.get(Caller.OPERATOR).id().value())
            .query(UUID.class)
            .single()
            .toString());
    samples.put("/directory/organisations/{code}", operator);
    samples.put(
        "/directory/organisations/{code}/people/{personId}",
        persons.get(Caller.OPERATOR).id().toString());
    samples.put("/directory/sectors/{code}", "electricity");
    samples.put(
        "/directory/sharing-map/edges/{id}",
        jdbc.sql("select id from sharing_edge limit 1").query(UUID.class).single().toString());
    samples.put("/directory/candidates/criteria/{code}", "information-service-value");
    samples.put("/reports/taxonomy/new/{list}", "event-types");
    samples.put("/reports/taxonomy/{list}", "event-types");
    samples.put("/reports/taxonomy/{list}/{code}", "near-miss");
    samples.put("/reports/regimes/{code}", "nis2");
    samples.put("/situations/rules/{code}", "shared-indicator-2-sectors");
    samples.put("/exchange/collections/{id}", collection.toString());
    samples.put("/taxii2/mamori/collections/{collection}", collection.toString());
    queries.put(
        "/account/invitations/new",
        "organisation=%s&person=%s"
            .formatted(people.organisation(operator).value(), persons.get(Caller.OPERATOR).id()));
    queries.put("/api/exchange/misp", "collection=" + collection);
  }
}
