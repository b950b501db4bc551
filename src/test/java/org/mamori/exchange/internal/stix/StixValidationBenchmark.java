package org.mamori.exchange.internal.stix;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Run by hand, not by the test suite: parses and validates STIX bundles and prints every problem
 * and the warm time per bundle (wall clock, and the thread's CPU time, which a busy machine
 * disturbs less), e.g. for the MITRE ATT&amp;CK for ICS bundle:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.mamori.exchange.internal.stix.StixValidationBenchmark \
 *   -Dexec.args="ics-attack-18.1.json"
 * </pre>
 */
final class StixValidationBenchmark {

  private static final int WARM_UP_ROUNDS = 50;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int MEASURED_ROUNDS = 20;

  private StixValidationBenchmark() {}

  public static void main(String[] files) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    StixValidator validator = new StixValidator();
    for (String file : files) {
      byte[] content = Files.readAllBytes(Path.of(file));
      JsonNode document = json.readTree(content);
      if (!document.path("type").asString("bundle").equals("bundle")) {
        System.out.printf("%s: one object, problems: %s%n", file, validator.validate(document));
        continue;
      }
      BundleCheck check = validator.validateBundle(json.readTree(content));
      System.out.printf(
          "%s: %d objects, %d rejected, %d envelope problems, references resolve: %s%n",
          file,
          check.objects().size(),
          check.rejected().size(),
          check.envelopeProblems().size(),
          check.referencesResolve());
      check.envelopeProblems().forEach(problem -> System.out.println("  envelope: " + problem));
      for (BundleCheck.ObjectCheck object : check.rejected()) {
        object.problems().forEach(p -> System.out.println("  " + object.id() + " " + p));
      }
      for (int i = 0; i < WARM_UP_ROUNDS; i++) {
        validator.validateBundle(json.readTree(content));
      }
      long best = Long.MAX_VALUE;
      long total = 0;
      long bestCpu = Long.MAX_VALUE;
      for (int i = 0; i < MEASURED_ROUNDS; i++) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        validator.validateBundle(json.readTree(content));
        long took = System.nanoTime() - start;
        bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - cpuStart);
        best = Math.min(best, took);
        total += took;
      }
      System.out.printf(
          "  parse + validate, warm: best %.1f ms, mean %.1f ms (wall); best %.1f ms CPU%n",
          best / 1e6, total / 1e6 / MEASURED_ROUNDS, bestCpu / 1e6);
    }
  }
}
