package org.mamori.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.directory.Directory;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.Enrolment;
import org.mamori.directory.RouteHop;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.access.AccessDeniedException;

/**
 * The directory on its own (with the platform it runs on): what it announces when it changes, and
 * that it asks its policy before changing anything. The policy here is a plain stand-in for the
 * access module: one person administers the platform, everyone manages only their own organisation.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class DirectoryModuleTest {

  static final Actor ADMINISTRATOR =
      new Actor(new PersonId(UUID.randomUUID()), new OrganisationId(UUID.randomUUID()));
  static final Actor SOMEONE_ELSE =
      new Actor(new PersonId(UUID.randomUUID()), new OrganisationId(UUID.randomUUID()));

  @TestConfiguration
  static class StandInPolicy {
    @Bean
    DirectoryPolicy directoryPolicy() {
      return new DirectoryPolicy() {
        @Override
        public boolean maySeePrivateDetails(Actor actor, OrganisationId organisation) {
          return mayManage(actor, organisation);
        }

        @Override
        public boolean mayManage(Actor actor, OrganisationId organisation) {
          return mayAdministerPlatform(actor) || actor.organisation().equals(organisation);
        }

        @Override
        public boolean mayAdministerPlatform(Actor actor) {
          return actor.isSystem() || actor.equals(ADMINISTRATOR);
        }
      };
    }
  }

  @Autowired SectorAdministration sectors;
  @Autowired Directory directory;
  @Autowired SharingMap sharingMap;
  @Autowired Enrolment enrolment;
  @Autowired SharingEdges edges;

  @Test
  void designatingASectorAnnouncesItAndItsOperatorsReportToItsMinistry(Scenario scenario) {
    String code = "module-" + UUID.randomUUID().toString().substring(0, 8);
    OrganisationId meti = directory.organisationByCode("meti").orElseThrow().id();
    scenario
        .stimulate(
            () ->
                sectors.designate(
                    ADMINISTRATOR,
                    code,
                    new LocalizedText("宇宙", "Space"),
                    LocalDate.of(2027, 4, 1),
                    meti,
                    null,
                    "",
                    ""))
        .andWaitForEventOfType(AuditableChange.class)
        .matching(change -> change.action().equals("directory.sector.designated"))
        .toArriveAndVerify(
            (change, sector) -> {
              assertThat(change.actor()).isEqualTo(ADMINISTRATOR);
              assertThat(change.subjectId()).isEqualTo(sector.toString());
              assertThat(change.before()).isNull();
              assertThat(edges.findByDirection(SharingDirection.REPORT.name()))
                  .anySatisfy(
                      edge -> {
                        assertThat(edge.from().ref()).isEqualTo(sector.value());
                        assertThat(edge.to().ref()).isEqualTo(meti.value());
                      });
            });
  }

  @Test
  void aPersonWhoMayNotManageTheOrganisationCannotEnrolAnyoneThere() {
    OrganisationId meti = directory.organisationByCode("meti").orElseThrow().id();
    String email = "module-" + UUID.randomUUID() + "@example.jp";
    assertThatThrownBy(() -> enrolment.enrol(SOMEONE_ELSE, email, "名前", meti, Set.of("relay")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(directory.personByEmail(email)).isEmpty();
  }

  @Test
  void theMinistryPassesReportsToTheHubAtTheSecondStep() {
    OrganisationId meti = directory.organisationByCode("meti").orElseThrow().id();
    assertThat(sharingMap.routeFrom(meti, SharingDirection.REPORT))
        .extracting(RouteHop::to)
        .containsExactly(directory.nationalHub().id());
  }
}
