package org.mamori.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's past reports: as many per fiscal year and event type as the national table publishes
 * ({@value #COUNTS}), spread over the year, the demo operators and the example reports of {@value
 * #EXAMPLES}. The same files always give the same history (a fixed random seed), so the trend page
 * shows the published shape.
 */
@Component
class DemoReportHistory {

  static final String COUNTS = "demo/report-history.csv";
  static final String EXAMPLES = "demo/report-history-examples.csv";

  private static final long SEED = 20_190_401L;

  /** The display name of a demo operator's reporter where the demo has none: "(name) 報告担当". */
  private static final String REPORTER_NAME = "%s 報告担当";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private static final Logger log = LoggerFactory.getLogger(DemoReportHistory.class);

  private final ReportHistory history;
  private final Directory directory;
  private final Enrolment enrolment;

  DemoReportHistory(ReportHistory history, Directory directory, Enrolment enrolment) {
    this.history = history;
    this.directory = directory;
    this.enrolment = enrolment;
  }

  /** One example report of an event type. */
  record Example(String eventType, String impact, List<String> causes, String summary) {}

  /** A demo operator and the person who files its reports. */
  record Reporter(OrganisationSummary operator, PersonId person) {}

  /**
   * Loads the history unless one of its years already has reports.
   *
   * @param operatorCodes the demo operators, in the demo file's order
   * @param reporters demo people who report for an operator, by its code
   */
  void loadOnce(List<String> operatorCodes, Map<String, String> reporters) {
    Map<Integer, Map<String, Integer>> counts = counts();
    if (counts.keySet().stream().anyMatch(history::hasReportsIn)) {
      return;
    }
    List<Reporter> filing = new ArrayList<>();
    for (String code : operatorCodes) {
      directory
          .organisationByCode(code)
          .ifPresent(operator -> filing.add(new Reporter(operator, reporter(operator, reporters))));
    }
    int loaded = history.load(Actor.SYSTEM, generate(counts, examples(), filing));
    log.info(
        "Loaded the demo history: {} past reports of fiscal years {}", loaded, counts.keySet());
  }

  /** The reports the counts ask for, the same every time. */
  static List<ReportHistory.PastReport> generate(
      Map<Integer, Map<String, Integer>> counts, List<Example> examples, List<Reporter> filing) {
    Random random = new Random(SEED);
    List<ReportHistory.PastReport> reports = new ArrayList<>();
    counts.forEach(
        (year, perType) -> {
          LocalDate first = LocalDate.of(year, 4, 1);
          long days = ChronoUnit.DAYS.between(first, first.plusYears(1));
          perType.forEach(
              (eventType, count) -> {
                List<Example> ofType =
                    examples.stream().filter(e -> e.eventType().equals(eventType)).toList();
                if (ofType.isEmpty()) {
                  throw new IllegalStateException("no example report of " + eventType);
                }
                for (int k = 0; k < count; k++) {
                  long day = random.nextInt((int) days);
                  Instant submitted =
                      first
                          .plusDays(day)
                          .atTime(8, 0)
                          .plusMinutes(random.nextInt(11 * 60))
                          .atZone(JAPAN)
                          .toInstant();
                  Instant detected = submitted.minus(30 + random.nextInt(300), ChronoUnit.MINUTES);
                  Instant occurred = detected.minus(random.nextInt(24 * 60), ChronoUnit.MINUTES);
                  Reporter reporter = filing.get(random.nextInt(filing.size()));
                  Example example = ofType.get(random.nextInt(ofType.size()));
                  reports.add(
                      new ReportHistory.PastReport(
                          reporter.operator().id(),
                          reporter.person(),
                          occurred,
                          detected,
                          submitted,
                          example.summary(),
                          eventType,
                          example.impact(),
                          example.causes(),
                          reached(example, random),
                          marking(random.nextDouble())));
                }
              });
        });
    return reports;
  }

  /** Outages may reach the sector's verification level; the loader ignores it where none is set. */
  private static Boolean reached(Example example, Random random) {
    boolean outage = "stopped".equals(example.impact()) || "unusable".equals(example.impact());
    return outage && random.nextInt(10) < 3;
  }

  private static Tlp marking(double roll) {
    if (roll < 0.05) {
      return Tlp.CLEAR;
    }
    if (roll < 0.6) {
      return Tlp.GREEN;
    }
    return roll < 0.95 ? Tlp.AMBER : Tlp.AMBER_STRICT;
  }

  /** The demo person who reports for the operator, or a new one enrolled as its reporter. */
  private PersonId reporter(OrganisationSummary operator, Map<String, String> reporters) {
    String email = reporters.get(operator.code());
    if (email != null) {
      PersonSummary known = directory.personByEmail(email).orElse(null);
      if (known != null) {
        return known.id();
      }
    }
    String address = "reporter." + operator.code() + "@demo.example";
    return directory
        .personByEmail(address)
        .map(PersonSummary::id)
        .orElseGet(
            () ->
                enrolment.enrol(
                    Actor.SYSTEM,
                    address,
                    REPORTER_NAME.formatted(operator.nameJa()),
                    operator.id(),
                    Set.of("reporter")));
  }

  /** Counts by fiscal year, then by event type, in the file's order. */
  static Map<Integer, Map<String, Integer>> counts() {
    List<String> lines = lines(COUNTS);
    String[] header = lines.get(0).split(",");
    Map<Integer, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (int column = 1; column < header.length; column++) {
      counts.put(Integer.parseInt(header[column].strip()), new LinkedHashMap<>());
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] field = line.split(",");
      int column = 1;
      for (Map<String, Integer> perType : counts.values()) {
        perType.put(field[0].strip(), Integer.parseInt(field[column++].strip()));
      }
    }
    return counts;
  }

  static List<Example> examples() {
    List<String> lines = lines(EXAMPLES);
    return lines.subList(1, lines.size()).stream()
        .map(line -> line.split(",", 4))
        .map(
            f ->
                new Example(
                    f[0].strip(),
                    f[1].strip(),
                    f[2].isBlank()
                        ? List.of()
                        : Arrays.stream(f[2].split(";")).map(String::strip).toList(),
                    f[3].strip()))
        .toList();
  }

  private static List<String> lines(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
