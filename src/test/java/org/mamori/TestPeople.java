package org.mamori;

import java.util.Set;
import java.util.UUID;
import org.mamori.access.Passwords;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes people of its own for a test, with unique addresses, since tests share one database. Every
 * {@link MamoriTest} can autowire it.
 */
public final class TestPeople {

  public static final String PASSWORD = "correct horse battery staple";

  private final Enrolment enrolment;
  private final Passwords passwords;
  private final Directory directory;
  private final JdbcClient jdbc;

  public TestPeople(
      Enrolment enrolment, Passwords passwords, Directory directory, JdbcClient jdbc) {
    this.enrolment = enrolment;
    this.passwords = passwords;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  public record TestPerson(PersonId id, String email, String name) {}

  /** A new person in the organisation with the code, holding the roles, with {@link #PASSWORD}. */
  public TestPerson create(String organisationCode, String... roles) {
    String email = "t-" + UUID.randomUUID() + "@test.example";
    String name = "試験 " + email.substring(2, 10);
    PersonId id =
        enrolment.enrol(Actor.SYSTEM, email, name, organisation(organisationCode), Set.of(roles));
    passwords.set(Actor.SYSTEM, id, PASSWORD);
    return new TestPerson(id, email, name);
  }

  /** Adds an existing person to another organisation. */
  public void join(TestPerson person, String organisationCode, String... roles) {
    enrolment.enrol(
        Actor.SYSTEM, person.email(), person.name(), organisation(organisationCode), Set.of(roles));
  }

  /** Removes the person from the organisation behind the directory's back, as a stand-in. */
  public void leave(TestPerson person, String organisationCode) {
    jdbc.sql("delete from membership where person_id = :person and organisation_id = :organisation")
        .param("person", person.id().value())
        .param("organisation", organisation(organisationCode).value())
        .update();
  }

  /** A new active operator in the sector, in no CEPTOAR, added behind the directory's back. */
  public String newOperator(String sectorCode) {
    String code = "t-operator-" + UUID.randomUUID().toString().substring(0, 8);
    int added =
        jdbc.sql(
                """
                insert into organisation (id, code, kinds, name_ja, sector_id, created_at, version)
                select gen_random_uuid(), :code, '{OPERATOR}', :name, id, now(), 0
                from sector where code = :sector
                """)
            .param("code", code)
            .param("name", "試験用事業者 " + code)
            .param("sector", sectorCode)
            .update();
    if (added != 1) {
      throw new IllegalArgumentException("no sector " + sectorCode);
    }
    return code;
  }

  public org.mamori.shared.OrganisationId organisation(String code) {
    return directory
        .organisationByCode(code)
        .map(OrganisationSummary::id)
        .orElseThrow(() -> new IllegalArgumentException("no organisation " + code));
  }

  public long auditEntries(String action, String subjectId) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = :action and subject_id = :subject")
        .param("action", action)
        .param("subject", subjectId)
        .query(Long.class)
        .single();
  }
}
