package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;

/** Whom to tell at an organisation: its active people holding a capability there. */
@MamoriTest
class DirectoryMembersTest {

  @Autowired Directory directory;
  @Autowired TestPeople people;

  @Test
  void theMembersHoldingACapabilityAreThoseWhoseRolesThereGrantIt() {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    TestPeople.TestPerson administrator = people.create("mlit", "org-admin");
    TestPeople.TestPerson elsewhere = people.create("meti", "relay");

    assertThat(holding("mlit", EnumSet.of(Capability.RELAY)))
        .contains(liaison.id())
        .doesNotContain(administrator.id(), elsewhere.id());
    assertThat(holding("mlit", EnumSet.allOf(Capability.class)))
        .contains(liaison.id(), administrator.id())
        .doesNotContain(elsewhere.id());
  }

  @Test
  void aRoleCountsOnlyInTheOrganisationItIsHeldIn() {
    TestPeople.TestPerson person = people.create("asahino-power", "reporter");
    people.join(person, "mlit", "org-admin");

    assertThat(holding("mlit", EnumSet.of(Capability.REPORT))).doesNotContain(person.id());
    assertThat(holding("asahino-power", EnumSet.of(Capability.REPORT))).contains(person.id());
  }

  @Test
  void someoneWhoLeftTheOrganisationIsNoLongerAmongItsMembers() {
    TestPeople.TestPerson person = people.create("mlit", "relay");
    people.leave(person, "mlit");

    assertThat(holding("mlit", EnumSet.allOf(Capability.class))).doesNotContain(person.id());
  }

  @Test
  void askingForNoCapabilityFindsNobody() {
    people.create("mlit", "relay");

    assertThat(holding("mlit", EnumSet.noneOf(Capability.class))).isEmpty();
  }

  private List<PersonId> holding(String organisation, Set<Capability> capabilities) {
    return directory.activeMembersHolding(people.organisation(organisation), capabilities).stream()
        .map(PersonSummary::id)
        .toList();
  }
}
