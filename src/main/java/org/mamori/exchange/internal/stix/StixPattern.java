package org.mamori.exchange.internal.stix;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A parsed STIX 2.1 pattern (STIX 2.1 section 9, the OASIS STIXPattern grammar): observation
 * expressions joined by AND, OR and FOLLOWEDBY, with WITHIN, REPEATS and START/STOP qualifiers;
 * inside the brackets, comparisons of object paths with constants. Beyond the grammar it rejects
 * what the reference validator rejects (the same qualifier twice on one observation, a hash value
 * that cannot be of its algorithm) and qualifiers that cannot match (WITHIN 0, REPEATS 0, STOP
 * before START).
 *
 * <p>{@link #simpleComparisons()} lists the plain "property equals value" tests, so indicators can
 * be indexed by the values they look for.
 */
public final class StixPattern {

  private final String text;
  private final ObservationExpression expression;

  private StixPattern(String text, ObservationExpression expression) {
    this.text = text;
    this.expression = expression;
  }

  /**
   * Parses a pattern.
   *
   * @throws StixPatternException with the position and the reason when it is not a valid pattern
   */
  public static StixPattern parse(String text) {
    return new StixPattern(text, StixPatternParser.parse(text));
  }

  public String text() {
    return text;
  }

  public ObservationExpression expression() {
    return expression;
  }

  /** Every comparison in the pattern, left to right. */
  public List<Comparison> comparisons() {
    List<Comparison> all = new ArrayList<>();
    collect(expression, all);
    return all;
  }

  /**
   * The comparisons that look for one value of one property: {@code =} and {@code IN}, not negated,
   * one entry per value; e.g. {@code [ipv4-addr:value = '198.51.100.1']} gives {@code (ipv4-addr,
   * value, 198.51.100.1)}.
   */
  public List<SimpleComparison> simpleComparisons() {
    List<SimpleComparison> simple = new ArrayList<>();
    for (Comparison comparison : comparisons()) {
      if (comparison.negated() || comparison.value() == null) {
        continue;
      }
      String type = comparison.path().objectType();
      String path = comparison.path().propertyPath();
      if (comparison.operator() == ComparisonOperator.EQUAL) {
        simple.add(new SimpleComparison(type, path, comparison.value().text()));
      } else if (comparison.operator() == ComparisonOperator.IN) {
        for (Constant member : comparison.value().members()) {
          simple.add(new SimpleComparison(type, path, member.text()));
        }
      }
    }
    return simple;
  }

  /** The object types the pattern looks at. */
  public Set<String> objectTypes() {
    return comparisons().stream()
        .map(comparison -> comparison.path().objectType())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Override
  public String toString() {
    return text;
  }

  /** Walks the tree without recursion: long chains of AND must not exhaust the stack. */
  private static void collect(ObservationExpression root, List<Comparison> into) {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (node instanceof Observation observation) {
        pending.push(observation.comparison());
      } else if (node instanceof ObservationJoin join) {
        pending.push(join.right());
        pending.push(join.left());
      } else if (node instanceof Qualified qualified) {
        pending.push(qualified.observation());
      } else if (node instanceof ComparisonJoin join) {
        pending.push(join.right());
        pending.push(join.left());
      } else if (node instanceof Comparison comparison) {
        into.add(comparison);
      }
    }
  }

  /** "This property of this object type has this value", for indexing indicators. */
  public record SimpleComparison(String objectType, String path, String value) {}

  /** An observation expression: a bracketed observation, two joined, or one qualified. */
  public sealed interface ObservationExpression permits Observation, ObservationJoin, Qualified {}

  /** {@code [ comparison ]}: one observed object matching the comparison. */
  public record Observation(ComparisonExpression comparison) implements ObservationExpression {}

  public record ObservationJoin(
      ObservationOperator operator, ObservationExpression left, ObservationExpression right)
      implements ObservationExpression {}

  public enum ObservationOperator {
    AND,
    OR,
    FOLLOWEDBY
  }

  public record Qualified(ObservationExpression observation, Qualifier qualifier)
      implements ObservationExpression {}

  /** WITHIN, REPEATS or START/STOP. */
  public sealed interface Qualifier permits Within, Repeats, StartStop {}

  public record Within(BigDecimal seconds) implements Qualifier {}

  public record Repeats(BigInteger times) implements Qualifier {}

  public record StartStop(Instant start, Instant stop) implements Qualifier {}

  /** Inside the brackets: comparisons joined by AND and OR. */
  public sealed interface ComparisonExpression permits Comparison, ComparisonJoin {}

  public record ComparisonJoin(
      BooleanOperator operator, ComparisonExpression left, ComparisonExpression right)
      implements ComparisonExpression {}

  public enum BooleanOperator {
    AND,
    OR
  }

  /**
   * One test of an object path: {@code file:size > 1024}, {@code NOT ... IN (...)}, or {@code
   * EXISTS path} (whose value is null).
   */
  public record Comparison(
      ObjectPath path, boolean negated, ComparisonOperator operator, @Nullable Constant value)
      implements ComparisonExpression {}

  public enum ComparisonOperator {
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    IN,
    LIKE,
    MATCHES,
    IS_SUBSET,
    IS_SUPERSET,
    EXISTS
  }

  /** {@code type:property.key[0].other}: the object type and the steps into it. */
  public record ObjectPath(String objectType, List<PathStep> steps) {

    public ObjectPath {
      steps = List.copyOf(steps);
    }

    /** The steps as STIX writes them: {@code hashes.'SHA-256'}, {@code sections[*].entropy}. */
    public String propertyPath() {
      StringBuilder path = new StringBuilder();
      for (PathStep step : steps) {
        if (step instanceof Property property) {
          if (path.length() > 0) {
            path.append('.');
          }
          path.append(
              property.name().matches("[a-zA-Z_][a-zA-Z0-9_]*")
                  ? property.name()
                  : "'" + property.name().replace("\\", "\\\\").replace("'", "\\'") + "'");
        } else if (step instanceof Index index) {
          path.append('[').append(index.position() == null ? "*" : index.position()).append(']');
        }
      }
      return path.toString();
    }

    @Override
    public String toString() {
      return objectType + ":" + propertyPath();
    }
  }

  public sealed interface PathStep permits Property, Index {}

  public record Property(String name) implements PathStep {}

  /** A list index; null for {@code [*]}, any item. */
  public record Index(@Nullable Integer position) implements PathStep {}

  /**
   * A constant: its kind and its value as text (a string unescaped; a timestamp, number, hex or
   * base64 value as written); a set holds its members.
   */
  public record Constant(ConstantKind kind, String text, List<Constant> members) {

    public Constant {
      members = List.copyOf(members);
    }

    static Constant of(ConstantKind kind, String text) {
      return new Constant(kind, text, List.of());
    }
  }

  public enum ConstantKind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    BINARY,
    HEX,
    TIMESTAMP,
    SET
  }
}
