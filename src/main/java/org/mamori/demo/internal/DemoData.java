package org.mamori.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.access.Passwords;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.directory.OperatorImport;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationRegistry;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.platform.DeploymentMode;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo operators (through the operator importer, as an administrator would), the demo
 * people and the demo's past reports, each once: what is already there is left alone, so a later
 * Mamori adds only what is new to the demo.
 */
@Component
class DemoData {

  /** The same password for every demo person; README lists them. */
  static final String PASSWORD = "mamori-demo-2026";

  static final String OPERATORS = "demo/operators.csv";
  static final String PEOPLE = "demo/people.csv";
  static final String ORGANISATIONS = "demo/organisations.csv";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final DeploymentMode mode;
  private final Directory directory;
  private final Enrolment enrolment;
  private final Passwords passwords;
  private final OperatorImport operatorImport;
  private final OrganisationRegistry registry;
  private final DemoReportHistory history;

  DemoData(
      DeploymentMode mode,
      Directory directory,
      Enrolment enrolment,
      Passwords passwords,
      OperatorImport operatorImport,
      OrganisationRegistry registry,
      DemoReportHistory history) {
    this.mode = mode;
    this.directory = directory;
    this.enrolment = enrolment;
    this.passwords = passwords;
    this.operatorImport = operatorImport;
    this.registry = registry;
    this.history = history;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void loadOnFirstStart() {
    if (!mode.demo()) {
      return;
    }
    loadOperators();
    loadOtherOrganisations();
    loadPeople();
    history.loadOnce(operatorCodes(), reporters());
  }

  /** The codes of the demo operators, in the file's order (operators without one are left out). */
  private static List<String> operatorCodes() {
    return lines(OPERATORS).stream()
        .map(line -> line.split(",")[0].strip())
        .filter(code -> !code.isEmpty())
        .toList();
  }

  /** The demo person who reports for each organisation that has one, by organisation code. */
  private static Map<String, String> reporters() {
    Map<String, String> reporters = new LinkedHashMap<>();
    for (DemoMembership membership : memberships()) {
      if (membership.roles().contains("reporter")) {
        reporters.putIfAbsent(membership.organisation(), membership.email());
      }
    }
    return reporters;
  }

  /** Vendors and partners abroad, so every kind of organisation has an example. */
  private void loadOtherOrganisations() {
    for (String line : lines(ORGANISATIONS)) {
      String[] field = line.split(",", 4);
      if (directory.organisationByCode(field[0]).isPresent()) {
        continue;
      }
      registry.register(
          Actor.SYSTEM,
          field[0],
          Set.of(OrganisationKind.valueOf(field[1])),
          new LocalizedText(field[2], field[3]),
          null);
    }
  }

  /**
   * The operators come first: demo people belong to some of them. Imported once, when the first
   * operator of the file is not there yet (a second import would find the operators without a code
   * by name and refuse them).
   */
  private void loadOperators() {
    byte[] csv = bytes(OPERATORS);
    String firstCode =
        new String(csv, StandardCharsets.UTF_8)
            .lines()
            .skip(1)
            .findFirst()
            .orElse("")
            .split(",")[0];
    if (directory.organisationByCode(firstCode).isPresent()) {
      return;
    }
    OperatorImport.Check check =
        operatorImport.check(Actor.SYSTEM, OPERATORS, csv, OperatorImport.Encoding.UTF_8);
    if (check.hasErrors()) {
      throw new IllegalStateException(
          "the demo operators do not import cleanly: " + check.errorLines());
    }
    OperatorImport.Result result =
        operatorImport.importRows(Actor.SYSTEM, check.upload(), OperatorImport.Scope.ALL);
    log.info("Loaded the demo operators: {} new, {} updated", result.created(), result.updated());
  }

  private void loadPeople() {
    int added = 0;
    for (DemoMembership membership : memberships()) {
      OrganisationSummary organisation =
          directory
              .organisationByCode(membership.organisation())
              .orElseThrow(
                  () ->
                      new IllegalStateException("demo organisation " + membership.organisation()));
      PersonSummary known = directory.personByEmail(membership.email()).orElse(null);
      boolean member =
          known != null
              && directory.membershipsOf(known.id()).stream()
                  .anyMatch(m -> m.organisation().equals(organisation.id()));
      if (member) {
        continue;
      }
      PersonId id =
          enrolment.enrol(
              Actor.SYSTEM,
              membership.email(),
              membership.name(),
              organisation.id(),
              membership.roles());
      if (known == null) {
        passwords.set(Actor.SYSTEM, id, PASSWORD);
      }
      added++;
    }
    if (added > 0) {
      log.info("Loaded the demo data: {} demo memberships (password {})", added, PASSWORD);
    }
  }

  /** One line of people.csv: a person's place in one organisation. */
  record DemoMembership(String email, String name, String organisation, Set<String> roles) {}

  private static List<DemoMembership> memberships() {
    return lines(PEOPLE).stream()
        .map(line -> line.split(","))
        .map(
            f ->
                new DemoMembership(
                    f[0].strip(),
                    f[1].strip(),
                    f[2].strip(),
                    Arrays.stream(f[3].strip().split(";")).collect(Collectors.toSet())))
        .toList();
  }

  /** The data lines of a demo CSV file: without its header and blank lines. */
  private static List<String> lines(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8)
        .lines()
        .skip(1)
        .filter(line -> !line.isBlank())
        .toList();
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
