package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mamori.FuzzTries;
import org.mamori.FuzzTries.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz properties of the STIX validator: valid objects of every type are broken on purpose —
 * properties dropped, given the wrong type, made huge, ids, timestamps and patterns garbled,
 * nesting made deep — and the validator must always answer with reasons (or accept), never throw.
 * Breakages the specification forbids outright (a required property missing, a bad id or timestamp)
 * must be refused. {@code StixRobustnessTest} does the same with a fixed seed; these draw new input
 * on every run, and run longer on demand (README "Fuzz tests").
 */
class StixValidatorFuzzTest {

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

  /** An object of every type, broken in one to four ways. */
  record Broken(int which, List<Breakage> breakages) {}

  @Test
  void brokenObjectsGetReasonsNeverExceptions() {
    FuzzTries.check(
        400,
        g -> new Broken(validObject(g), breakages(g)),
        input -> {
          ObjectNode object = VALID.get(input.which()).deepCopy();
          boolean mustBeRefused = false;
          for (Breakage breakage : input.breakages()) {
            // a later breakage may undo an earlier one (drop the property it garbled): the last
            // counts
            mustBeRefused = breakage.apply().apply(object);
          }

          List<StixProblem> problems = validator.validate(object);

          for (StixProblem problem : problems) {
            assertThat(problem.messageKey()).startsWith("exchange.stix.");
            assertThat(problem.reason()).isNotBlank().doesNotContainPattern("\\{\\d+}");
            assertThat(problem.path()).isNotNull();
          }
          if (mustBeRefused) {
            assertThat(problems)
                .as("%s after %s", object.path("type"), input.breakages())
                .isNotEmpty();
          }
        });
  }

  /** Up to eight objects with breakages spread over them, in a bundle or a TAXII envelope. */
  record BrokenBundle(List<Integer> which, List<Breakage> breakages, String kind) {}

  @Test
  void brokenBundlesAreCheckedObjectByObject() {
    FuzzTries.check(
        100,
        g ->
            new BrokenBundle(
                g.list(0, 8, this::validObject), breakages(g), g.of("bundle", "taxii")),
        input -> {
          ArrayNode objects = NODES.arrayNode();
          input.which().forEach(i -> objects.add(VALID.get(i).deepCopy()));
          List<Breakage> breakages = input.breakages();
          for (int i = 0; i < breakages.size() && !objects.isEmpty(); i++) {
            breakages.get(i).apply().apply((ObjectNode) objects.get(i % objects.size()));
          }
          ObjectNode envelope = NODES.objectNode();
          if (input.kind().equals("bundle")) {
            envelope.put("type", "bundle").put("id", "bundle--" + java.util.UUID.randomUUID());
          }
          envelope.set("objects", objects);

          BundleCheck check = validator.validateBundle(envelope);

          assertThat(check.objects()).hasSize(objects.size());
          for (BundleCheck.ObjectCheck each : check.objects()) {
            assertThat(each.valid())
                .isEqualTo(validator.validate(objects.get(each.index())).isEmpty());
          }
        });
  }

  @Test
  void garbledPatternsParseOrFailWithAPosition() {
    FuzzTries.check(
        300,
        StixValidatorFuzzTest::garbledPattern,
        pattern -> {
          try {
            StixPattern.parse(pattern).simpleComparisons();
          } catch (StixPatternException refused) {
            assertThat(refused.position()).isBetween(0, pattern.length());
            assertThat(refused.getMessage()).isNotBlank();
          }
        });
  }

  private int validObject(Gen g) {
    return g.between(0, VALID.size() - 1);
  }

  private static List<Breakage> breakages(Gen g) {
    return g.list(
        1,
        4,
        gen ->
            gen.oneOf(
                StixValidatorFuzzTest::dropProperty,
                StixValidatorFuzzTest::wrongType,
                StixValidatorFuzzTest::hugeString,
                StixValidatorFuzzTest::badId,
                StixValidatorFuzzTest::badTimestamp,
                StixValidatorFuzzTest::garbledPatternBreakage,
                StixValidatorFuzzTest::deepNesting,
                StixValidatorFuzzTest::customProperty));
  }

  private static final List<String> PATTERNS = patterns();

  private static List<String> patterns() {
    List<String> patterns =
        VALID.stream()
            .filter(o -> o.path("pattern").isString())
            .map(o -> o.path("pattern").stringValue())
            .collect(Collectors.toCollection(ArrayList::new));
    patterns.add(
        "([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY"
            + " [x:a IN (1, 2.5, true, h'ff', b'AA==')]) WITHIN 300 SECONDS"
            + " START t'2016-06-01T01:30:00Z' STOP t'2016-06-02T01:30:00Z'");
    return List.copyOf(patterns);
  }

  private static final String PATTERN_JUNK = "[]()':.,*=!<>-+\\/ tbhANDORNOTx0_'\u3000";

  /** A sound pattern with up to six characters deleted, inserted or replaced. */
  private static String garbledPattern(Gen g) {
    StringBuilder text = new StringBuilder(g.pick(PATTERNS));
    int edits = g.between(1, 6);
    for (int i = 0; i < edits && !text.isEmpty(); i++) {
      int at = g.between(0, 10_000) % text.length();
      char c =
          g.bool() ? PATTERN_JUNK.charAt(g.between(0, PATTERN_JUNK.length() - 1)) : g.anyChar();
      switch (g.between(0, 2)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, c);
        default -> text.setCharAt(at, c);
      }
    }
    return text.toString();
  }

  private static Breakage dropProperty(Gen g) {
    int n = g.between(0, 100);
    return new Breakage(
        "drop property #" + n,
        object -> {
          String name = nameAt(object, n);
          boolean required = required(object).contains(name);
          object.remove(name);
          return required;
        });
  }

  private static Breakage wrongType(Gen g) {
    int n = g.between(0, 100);
    JsonNode value = anyValue(g, 3);
    return new Breakage(
        "property #" + n + " := " + abbreviated(value),
        object -> {
          object.set(nameAt(object, n), value.deepCopy());
          return false;
        });
  }

  private static Breakage hugeString(Gen g) {
    int n = g.between(0, 100);
    int length = g.between(10_000, 100_000);
    char c = g.anyChar();
    return new Breakage(
        "property #" + n + " := " + length + " × '" + c + "'",
        object -> {
          object.put(nameAt(object, n), String.valueOf(c).repeat(length));
          return false;
        });
  }

  private static Breakage badId(Gen g) {
    String id =
        g.bool()
            ? g.of(
                "",
                "--",
                "indicator--",
                "indicator--not-a-uuid",
                "Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F",
                "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f--x",
                "x" + "-".repeat(10_000),
                "indicator--\u0000")
            : g.string(60);
    return new Breakage(
        "id := " + abbreviated(NODES.stringNode(id)),
        object -> {
          String type = object.path("type").asString("");
          object.put("id", id);
          // a garbled id may by chance name another type: that is refused too
          return StixValues.identifierType(id) == null
              || !Objects.equals(StixValues.identifierType(id), type);
        });
  }

  private static Breakage badTimestamp(Gen g) {
    String stamp;
    if (g.bool()) {
      stamp =
          g.of(
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
              "yesterday");
    } else {
      do {
        stamp = g.string(40);
      } while (stamp.matches("\\d{4}-.*"));
    }
    String value = stamp;
    return new Breakage(
        "created := " + abbreviated(NODES.stringNode(value)),
        object -> {
          // refused where the type requires a creation time; elsewhere (an observable, say)
          // "created" is just another property, even once an earlier breakage has set it
          boolean required = required(object).contains("created");
          object.put("created", value);
          return required;
        });
  }

  private static Breakage garbledPatternBreakage(Gen g) {
    String pattern = garbledPattern(g);
    return new Breakage(
        "pattern := " + abbreviated(NODES.stringNode(pattern)),
        object -> {
          if (object.has("pattern")) {
            object.put("pattern", pattern);
          }
          return false;
        });
  }

  private static Breakage deepNesting(Gen g) {
    int depth = g.between(1, 900);
    boolean arrays = g.bool();
    return new Breakage(
        "x_deep nested " + depth + (arrays ? " arrays" : " objects"),
        object -> {
          JsonNode inner = NODES.objectNode().put("x_ref", "not an id");
          for (int i = 0; i < depth; i++) {
            inner =
                arrays ? NODES.arrayNode().add(inner) : NODES.objectNode().set("x_level", inner);
          }
          object.set("x_deep", inner);
          // the reference at the bottom is garbled: refused, however deep
          return true;
        });
  }

  private static Breakage customProperty(Gen g) {
    String name = g.string(1, 40);
    JsonNode value = anyValue(g, 3);
    return new Breakage(
        "custom " + abbreviated(NODES.stringNode(name)) + " := " + abbreviated(value),
        object -> {
          object.set(name, value.deepCopy());
          return false;
        });
  }

  /** Any JSON value, nested up to the depth. */
  private static JsonNode anyValue(Gen g, int depth) {
    int kinds = depth > 0 ? 9 : 7;
    return switch (g.between(0, kinds - 1)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(g.bool());
      case 2 -> NODES.numberNode(g.anyLong());
      case 3 -> NODES.numberNode(g.anyDouble());
      case 4 -> NODES.numberNode(g.bigInteger(BigInteger.TEN.pow(30)));
      case 5 -> NODES.stringNode(g.string(30));
      case 6 ->
          NODES.stringNode(
              g.of(
                  "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                  "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
                  "2016-01-01T00:00:00.000Z",
                  "[ipv4-addr:value = '198.51.100.7']"));
      case 7 -> NODES.arrayNode().addAll(g.list(0, 3, gen -> anyValue(gen, depth - 1)));
      default -> {
        List<String> names =
            g.list(
                0,
                3,
                gen ->
                    gen.of("type", "id", "x_a_ref", "x_b_refs", "selectors", "objects", "hashes"));
        ObjectNode node = NODES.objectNode();
        for (String name : names) {
          node.set(name, anyValue(g, depth - 1));
        }
        yield node;
      }
    };
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
