package org.mamori.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.access.Passwords;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.directory.OrganisationSummary;
import org.mamori.platform.DeploymentMode;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo people (and, through the importer, the demo operators) once. */
@Component
class DemoData {

  /** The same password for every demo person; README lists them. */
  static final String PASSWORD = "mamori-demo-2026";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final DeploymentMode mode;
  private final Directory directory;
  private final Enrolment enrolment;
  private final Passwords passwords;

  DemoData(DeploymentMode mode, Directory directory, Enrolment enrolment, Passwords passwords) {
    this.mode = mode;
    this.directory = directory;
    this.enrolment = enrolment;
    this.passwords = passwords;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void loadOnFirstStart() {
    if (!mode.demo()) {
      return;
    }
    List<DemoPerson> people = read("demo/people.csv");
    if (directory.personByEmail(people.get(0).email()).isPresent()) {
      return;
    }
    for (DemoPerson person : people) {
      for (String code : person.organisations()) {
        OrganisationSummary organisation =
            directory
                .organisationByCode(code)
                .orElseThrow(() -> new IllegalStateException("demo organisation " + code));
        PersonId id =
            enrolment.enrol(
                Actor.SYSTEM, person.email(), person.name(), organisation.id(), person.roles());
        passwords.set(Actor.SYSTEM, id, PASSWORD);
      }
    }
    log.info("Loaded the demo data: {} demo people (password {})", people.size(), PASSWORD);
  }

  record DemoPerson(String email, String name, List<String> organisations, Set<String> roles) {}

  private static List<DemoPerson> read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> line.split(","))
          .map(
              f ->
                  new DemoPerson(
                      f[0].strip(),
                      f[1].strip(),
                      Arrays.asList(f[2].strip().split(";")),
                      Arrays.stream(f[3].strip().split(";")).collect(Collectors.toSet())))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
