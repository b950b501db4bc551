package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz properties of the STIX validator: valid objects of every type are broken on purpose —
 * properties dropped, given the wrong type, made huge, ids, timestamps and patterns garbled,
 * nesting made deep — and the validator must always answer with reasons (or accept), never throw.
 * Breakages the specification forbids outright (a required property missing, a bad id or timestamp)
 * must be refused. {@code StixRobustnessTest} does the same with a fixed seed; these let jqwik
 * choose and shrink, and run longer on demand (README "Fuzz tests").
 */
class StixValidatorProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<ObjectNode> VALID = valid();

  private final StixValidator validator = new StixValidator();

  /** One way of breaking an object; {@code refused} when the result can never be valid STIX. */
  record Breakage(String what, Function<ObjectNode, Boolean> apply) {

    @Override
    public String toString() {
      return what;
    }
  }

  @Property(tries = 400)
  void brokenObjectsGetReasonsNeverExceptions(
      @ForAll("valid objects") int which, @ForAll("breakages") List<Breakage> breakages) {
    ObjectNode object = VALID.get(which).deepCopy();
    boolean mustBeRefused = false;
    for (Breakage breakage : breakages) {
      // a later breakage may undo an earlier one (drop the property it garbled): the last counts
      mustBeRefused = breakage.apply().apply(object);
    }

    List<StixProblem> problems = validator.validate(object);

    for (StixProblem problem : problems) {
      assertThat(problem.messageKey()).startsWith("exchange.stix.");
      assertThat(problem.reason()).isNotBlank().doesNotContainPattern("\\{\\d+}");
      assertThat(problem.path()).isNotNull();
    }
    if (mustBeRefused) {
      assertThat(problems).as("%s after %s", object.path("type"), breakages).isNotEmpty();
    }
  }

  @Property(tries = 100)
  void brokenBundlesAreCheckedObjectByObject(
      @ForAll("objects to bundle") List<Integer> which,
      @ForAll("breakages") List<Breakage> breakages,
      @ForAll("envelope kinds") String kind) {
    ArrayNode objects = NODES.arrayNode();
    which.forEach(i -> objects.add(VALID.get(i).deepCopy()));
    for (int i = 0; i < breakages.size() && !objects.isEmpty(); i++) {
      breakages.get(i).apply().apply((ObjectNode) objects.get(i % objects.size()));
    }
    ObjectNode envelope = NODES.objectNode();
    if (kind.equals("bundle")) {
      envelope.put("type", "bundle").put("id", "bundle--" + java.util.UUID.randomUUID());
    }
    envelope.set("objects", objects);

    BundleCheck check = validator.validateBundle(envelope);

    assertThat(check.objects()).hasSize(objects.size());
    for (BundleCheck.ObjectCheck each : check.objects()) {
      assertThat(each.valid()).isEqualTo(validator.validate(objects.get(each.index())).isEmpty());
    }
  }

  @Property(tries = 300)
  void garbledPatternsParseOrFailWithAPosition(@ForAll("garbled patterns") String pattern) {
    try {
      StixPattern.parse(pattern).simpleComparisons();
    } catch (StixPatternException refused) {
      assertThat(refused.position()).isBetween(0, pattern.length());
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Provide("valid objects")
  Arbitrary<Integer> validObjects() {
    return Arbitraries.integers().between(0, VALID.size() - 1);
  }

  @Provide("objects to bundle")
  Arbitrary<List<Integer>> objectsToBundle() {
    return validObjects().list().ofMinSize(0).ofMaxSize(8);
  }

  @Provide("envelope kinds")
  Arbitrary<String> envelopeKinds() {
    return Arbitraries.of("bundle", "taxii");
  }

  @Provide("breakages")
  Arbitrary<List<Breakage>> breakages() {
    return Arbitraries.oneOf(
            dropProperty(),
            wrongType(),
            hugeString(),
            badId(),
            badTimestamp(),
            garbledPattern(),
            deepNesting(),
            customProperty())
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide("garbled patterns")
  Arbitrary<String> garbledPatterns() {
    List<String> patterns =
        VALID.stream()
            .filter(o -> o.path("pattern").isString())
            .map(o -> o.path("pattern").stringValue())
            .collect(Collectors.toCollection(ArrayList::new));
    patterns.add(
        "([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY"
            + " [x:a IN (1, 2.5, true, h'ff', b'AA==')]) WITHIN 300 SECONDS"
            + " START t'2016-06-01T01:30:00Z' STOP t'2016-06-02T01:30:00Z'");
    Arbitrary<Character> junk =
        Arbitraries.oneOf(
            Arbitraries.of(
                "[]()':.,*=!<>-+\\/ tbhANDORNOTx0_'\u3000"
                    .chars()
                    .mapToObj(c -> (char) c)
                    .toList()),
            Arbitraries.chars());
    return Combinators.combine(
            Arbitraries.of(patterns),
            Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(6),
            junk.list().ofMinSize(6).ofMaxSize(6),
            Arbitraries.integers().between(0, 2).list().ofMinSize(6).ofMaxSize(6))
        .as(
            (pattern, places, characters, edits) -> {
              StringBuilder text = new StringBuilder(pattern);
              for (int i = 0; i < places.size() && !text.isEmpty(); i++) {
                int at = places.get(i) % text.length();
                switch (edits.get(i)) {
                  case 0 -> text.deleteCharAt(at);
                  case 1 -> text.insert(at, characters.get(i));
                  default -> text.setCharAt(at, characters.get(i));
                }
              }
              return text.toString();
            });
  }

  private Arbitrary<Breakage> dropProperty() {
    return Arbitraries.integers()
        .between(0, 100)
        .map(
            n ->
                new Breakage(
                    "drop property #" + n,
                    object -> {
                      String name = nameAt(object, n);
                      boolean required = required(object).contains(name);
                      object.remove(name);
                      return required;
                    }));
  }

  private Arbitrary<Breakage> wrongType() {
    return Combinators.combine(Arbitraries.integers().between(0, 100), anyValue(3))
        .as(
            (n, value) ->
                new Breakage(
                    "property #" + n + " := " + abbreviated(value),
                    object -> {
                      object.set(nameAt(object, n), value.deepCopy());
                      return false;
                    }));
  }

  private Arbitrary<Breakage> hugeString() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(10_000, 100_000),
            Arbitraries.chars())
        .as(
            (n, length, c) ->
                new Breakage(
                    "property #" + n + " := " + length + " × '" + c + "'",
                    object -> {
                      object.put(nameAt(object, n), String.valueOf(c).repeat(length));
                      return false;
                    }));
  }

  private Arbitrary<Breakage> badId() {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                "--",
                "indicator--",
                "indicator--not-a-uuid",
                "Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F",
                "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f--x",
                "x" + "-".repeat(10_000),
                "indicator--\u0000"),
            Arbitraries.strings().ofMaxLength(60));
    return ids.map(
        id ->
            new Breakage(
                "id := " + abbreviated(NODES.stringNode(id)),
                object -> {
                  String type = object.path("type").asString("");
                  object.put("id", id);
                  // a garbled id may by chance name another type: that is refused too
                  return StixValues.identifierType(id) == null
                      || !Objects.equals(StixValues.identifierType(id), type);
                }));
  }

  private Arbitrary<Breakage> badTimestamp() {
    Arbitrary<String> stamps =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                "2024-02-30T00:00:00Z",
                "2024-13-01T00:00:00Z",
                "2024-01-01T24:00:00Z",
                "2024-01-01T00:00:60Z",
                "2024-01-01 00:00:00Z",
                "2024-01-01T00:00:00",
                "2024-01-01T00:00:00+09:00",
                "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z",
                "yesterday"),
            Arbitraries.strings().ofMaxLength(40).filter(s -> !s.matches("\\d{4}-.*")));
    return stamps.map(
        stamp ->
            new Breakage(
                "created := " + abbreviated(NODES.stringNode(stamp)),
                object -> {
                  boolean had = object.has("created");
                  object.put("created", stamp);
                  return had;
                }));
  }

  private Arbitrary<Breakage> garbledPattern() {
    return garbledPatterns()
        .map(
            pattern ->
                new Breakage(
                    "pattern := " + abbreviated(NODES.stringNode(pattern)),
                    object -> {
                      if (object.has("pattern")) {
                        object.put("pattern", pattern);
                      }
                      return false;
                    }));
  }

  private Arbitrary<Breakage> deepNesting() {
    return Combinators.combine(Arbitraries.integers().between(1, 900), Arbitraries.of(true, false))
        .as(
            (depth, arrays) ->
                new Breakage(
                    "x_deep nested " + depth + (arrays ? " arrays" : " objects"),
                    object -> {
                      JsonNode inner = NODES.objectNode().put("x_ref", "not an id");
                      for (int i = 0; i < depth; i++) {
                        inner =
                            arrays
                                ? NODES.arrayNode().add(inner)
                                : NODES.objectNode().set("x_level", inner);
                      }
                      object.set("x_deep", inner);
                      // the reference at the bottom is garbled: refused, however deep
                      return true;
                    }));
  }

  private Arbitrary<Breakage> customProperty() {
    return Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(40), anyValue(3))
        .as(
            (name, value) ->
                new Breakage(
                    "custom " + abbreviated(NODES.stringNode(name)) + " := " + abbreviated(value),
                    object -> {
                      object.set(name, value.deepCopy());
                      return false;
                    }));
  }

  /** Any JSON value, nested up to the depth. */
  private static Arbitrary<JsonNode> anyValue(int depth) {
    List<Arbitrary<JsonNode>> kinds = new ArrayList<>();
    kinds.add(Arbitraries.just(NODES.nullNode()));
    kinds.add(Arbitraries.of(true, false).map(NODES::booleanNode));
    kinds.add(Arbitraries.longs().map(NODES::numberNode));
    kinds.add(Arbitraries.doubles().map(NODES::numberNode));
    kinds.add(
        Arbitraries.bigIntegers()
            .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
            .map(NODES::numberNode));
    kinds.add(Arbitraries.strings().ofMaxLength(30).map(NODES::stringNode));
    kinds.add(
        Arbitraries.of(
                "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
                "2016-01-01T00:00:00.000Z",
                "[ipv4-addr:value = '198.51.100.7']")
            .map(NODES::stringNode));
    if (depth > 0) {
      kinds.add(
          anyValue(depth - 1).list().ofMaxSize(3).map(values -> NODES.arrayNode().addAll(values)));
      kinds.add(
          Combinators.combine(
                  Arbitraries.of(
                          "type", "id", "x_a_ref", "x_b_refs", "selectors", "objects", "hashes")
                      .list()
                      .ofMaxSize(3),
                  anyValue(depth - 1).list().ofMinSize(3).ofMaxSize(3))
              .as(
                  (names, values) -> {
                    ObjectNode node = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                      node.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) node;
                  }));
    }
    return Arbitraries.oneOf(kinds);
  }

  private static String nameAt(ObjectNode object, int n) {
    List<String> names = new ArrayList<>(object.propertyNames());
    return names.isEmpty() ? "x_empty" : names.get(n % names.size());
  }

  private static Set<String> required(ObjectNode object) {
    TypeSpec spec = StixCatalogue.specFor(object.path("type").asString(""), object);
    return spec == null ? Set.of() : Set.copyOf(spec.required());
  }

  private static String abbreviated(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
  }

  private static List<ObjectNode> valid() {
    List<ObjectNode> objects = new ArrayList<>(StixFixtures.objects(StixFixtures.EVERY_TYPE));
    objects.addAll(StixFixtures.objects(StixFixtures.ATTACK_ICS));
    StixValidator validator = new StixValidator();
    return objects.stream().filter(o -> validator.validate(o).isEmpty()).toList();
  }
}
