package org.mamori.bench;

/**
 * The bench command's entry point ({@code mvn -B -ntp -Pbench process-test-classes}): runs the
 * suite named by {@code bench.suite}: {@code exchange} (STIX/TAXII, the default), {@code load}
 * (intake, fan-out, pages, start-up) or {@code all}, one after the other.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    String suite = System.getProperty("bench.suite", "exchange");
    switch (suite) {
      case "exchange" -> ExchangeBenchmark.main(args);
      case "load" -> LoadBenchmark.main(args);
      case "all" -> {
        ExchangeBenchmark.main(args);
        LoadBenchmark.main(args);
      }
      default ->
          throw new IllegalArgumentException("bench.suite is exchange, load or all, not " + suite);
    }
  }
}
