package org.mamori;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Runs a fuzz test (README "Fuzz tests"): a bounded number of tries, each with input drawn from a
 * seeded random generator and checked by plain assertions. Each test names a small number of tries,
 * so that all of them together take seconds in {@code mvn verify}; {@code -Dmamori.fuzz.scale=100}
 * runs a hundred times as many. Every run takes a fresh seed and prints it; {@code
 * -Dmamori.fuzz.seed=<seed>} replays one, and {@code -Dmamori.fuzz.try=<n>} only its try n (each
 * try draws from its own generator, made from the seed and the try's number). A failure names the
 * test, the seed, the try and the input, shortened.
 */
public final class FuzzTries {

  private FuzzTries() {}

  /** What a try checks; it may throw anything, an assertion failing above all. */
  public interface Check<T> {
    void check(T input) throws Exception;
  }

  /**
   * Draws {@code tries} (times the scale) inputs and checks each; the input's {@code toString} is
   * what a failure shows, so records make good inputs.
   */
  public static <T> void check(int tries, Function<Gen, T> inputs, Check<T> check) {
    int total = tries * Math.max(1, Integer.getInteger("mamori.fuzz.scale", 1));
    String given = System.getProperty("mamori.fuzz.seed", "").strip();
    long seed = given.isEmpty() ? new SplittableRandom().nextLong() : Long.parseLong(given);
    String only = System.getProperty("mamori.fuzz.try", "").strip();
    int first = only.isEmpty() ? 1 : Integer.parseInt(only);
    int last = only.isEmpty() ? total : first;
    String test = caller();
    Map<String, Integer> seen = new TreeMap<>();
    for (int attempt = first; attempt <= last; attempt++) {
      Gen gen = new Gen(new SplittableRandom(seed + attempt * 0x9E37_79B9_7F4A_7C15L), seen);
      T input = inputs.apply(gen);
      try {
        check.check(input);
      } catch (Throwable failure) {
        throw new AssertionError(
            "%s failed at try %d of %d, seed %d (replay: -Dmamori.fuzz.seed=%d -Dmamori.fuzz.try=%d)%n input: %s%n %s"
                .formatted(
                    test,
                    attempt,
                    total,
                    seed,
                    seed,
                    attempt,
                    shortened(String.valueOf(input), 600),
                    failure),
            failure);
      }
    }
    System.out.printf(
        "fuzz %s: %d tries, seed %d%s%n",
        test, last - first + 1, seed, seen.isEmpty() ? "" : ", " + seen);
  }

  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !f.getClassName().equals(FuzzTries.class.getName()))
                    .findFirst()
                    .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName())
                    .orElse("fuzz test"));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The text, cut to the length with the full length noted. */
  public static String shortened(String text, int length) {
    return text.length() > length
        ? text.substring(0, length) + "…(" + text.length() + " characters)"
        : text;
  }

  /**
   * The input of one try: draws of every kind, leaning towards the edges (bounds, empty, odd
   * characters) as often as one draw in eight.
   */
  public static final class Gen {

    private static final String ODD_CHARS =
        "\u0000\t\n\r \"'\\,;{}[]<>&%\u00A0\u3000\uFEFF\uFFFD\uFFFF\uD800\uDC00\u202E\u200B長報①";

    private final RandomGenerator random;
    private final Map<String, Integer> seen;

    Gen(RandomGenerator random, Map<String, Integer> seen) {
      this.random = random;
      this.seen = seen;
    }

    /** Counts what kind of case a try was; the counts are printed after the tries. */
    public void label(Object kind) {
      seen.merge(String.valueOf(kind), 1, Integer::sum);
    }

    private boolean edge() {
      return random.nextInt(8) == 0;
    }

    public boolean bool() {
      return random.nextBoolean();
    }

    /** From {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
      if (edge()) {
        return random.nextBoolean() ? min : max;
      }
      return (int) random.nextLong(min, (long) max + 1);
    }

    public long anyLong() {
      if (edge()) {
        return pick(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
      }
      return random.nextBoolean() ? random.nextLong() : random.nextLong(-1_000_000, 1_000_000);
    }

    public double anyDouble() {
      if (edge()) {
        return pick(List.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
      }
      return random.nextBoolean()
          ? Double.longBitsToDouble(random.nextLong()) % Double.MAX_VALUE
          : random.nextDouble(-1e6, 1e6);
    }

    /** From {@code -bound} to {@code bound}, both included. */
    public BigInteger bigInteger(BigInteger bound) {
      BigInteger span = bound.shiftLeft(1).add(BigInteger.ONE);
      BigInteger drawn;
      do {
        drawn = new BigInteger(span.bitLength(), new java.util.Random(random.nextLong()));
      } while (drawn.compareTo(span) >= 0);
      return drawn.subtract(bound);
    }

    /** Any UTF-16 unit: mostly ASCII, else anything from the whole plane, surrogates included. */
    public char anyChar() {
      return switch (random.nextInt(4)) {
        case 0 -> ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length()));
        case 1 -> (char) random.nextInt(Character.MAX_VALUE + 1);
        default -> (char) random.nextInt(0x20, 0x7F);
      };
    }

    public String string(int maxLength) {
      return string(0, maxLength);
    }

    public String string(int minLength, int maxLength) {
      int length = between(minLength, maxLength);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(anyChar());
      }
      return text.toString();
    }

    public byte[] bytes(int maxLength) {
      byte[] bytes = new byte[between(0, maxLength)];
      random.nextBytes(bytes);
      return bytes;
    }

    @SafeVarargs
    public final <T> T of(T... values) {
      return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    /** One of the kinds of draw, each as likely. */
    @SafeVarargs
    public final <T> T oneOf(Function<Gen, ? extends T>... kinds) {
      return kinds[random.nextInt(kinds.length)].apply(this);
    }

    /** The index of a weight, drawn as likely as its weight: {@code weighted(6, 2, 1)}. */
    public int weighted(int... weights) {
      int draw = random.nextInt(java.util.Arrays.stream(weights).sum());
      for (int i = 0; ; i++) {
        draw -= weights[i];
        if (draw < 0) {
          return i;
        }
      }
    }

    public <T> List<T> list(int minSize, int maxSize, Function<Gen, ? extends T> element) {
      int size = between(minSize, maxSize);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(element.apply(this));
      }
      return list;
    }

    public <T> List<T> shuffled(List<T> values) {
      List<T> copy = new ArrayList<>(values);
      for (int i = copy.size() - 1; i > 0; i--) {
        Collections.swap(copy, i, random.nextInt(i + 1));
      }
      return copy;
    }
  }
}
