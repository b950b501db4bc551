package org.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.AcknowledgementRecorded;
import org.mamori.sharing.AdvisoryIssued;
import org.mamori.sharing.AdvisoryRelayed;
import org.mamori.sharing.AdvisoryReminderSent;
import org.mamori.sharing.SharedItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advisory events, published here as the sharing module publishes them, through the real event
 * publication registry. The sharing module answers for reports; for advisories, this context stands
 * in for it with advisories kept in the test, read through the real access decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({TestPeople.class, AdvisoryNotificationsTest.StandIn.class})
@DirtiesContext
class AdvisoryNotificationsTest {

  /** An advisory as the stand-in knows it. */
  record Advisory(
      String reference,
      String title,
      OrganisationId issuer,
      Tlp tlp,
      Set<OrganisationId> audience) {}

  /** Reports from the sharing module itself; advisories from the test. */
  static final class StandInSharedItems implements SharedItems {

    final Map<UUID, Advisory> advisories = new ConcurrentHashMap<>();
    private final SharedItems sharing;
    private final AccessPolicy access;

    StandInSharedItems(SharedItems sharing, AccessPolicy access) {
      this.sharing = sharing;
      this.access = access;
    }

    @Override
    public Optional<Notice> noticeFor(ItemRef item, Actor reader) {
      if (item.kind() == Kind.REPORT) {
        return sharing.noticeFor(item, reader);
      }
      Advisory advisory = advisories.get(item.id());
      if (advisory == null
          || !access.mayRead(
              reader,
              new Disclosure(advisory.issuer(), advisory.tlp(), advisory.audience(), Set.of()))) {
        return Optional.empty();
      }
      return Optional.of(
          new Notice(
              item,
              advisory.reference(),
              advisory.title(),
              advisory.tlp(),
              "/advisories/" + advisory.reference()));
    }

    @Override
    public Set<OrganisationId> reachedOrganisations(ItemRef item) {
      if (item.kind() == Kind.REPORT) {
        return sharing.reachedOrganisations(item);
      }
      Advisory advisory = advisories.get(item.id());
      return advisory == null ? Set.of() : advisory.audience();
    }
  }

  @TestConfiguration
  static class StandIn {
    @Bean
    @Primary
    StandInSharedItems standInSharedItems(
        @Qualifier("sharedItemDirectory") SharedItems sharing, AccessPolicy access) {
      return new StandInSharedItems(sharing, access);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired StandInSharedItems items;

  NotifyScenarios scenarios;
  OrganisationId hub;
  OrganisationId mlit;
  OrganisationId waterCeptoar;
  OrganisationId waterUtility;

  @BeforeEach
  void organisations() {
    scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    hub = people.organisation("national-hub");
    mlit = people.organisation("mlit");
    waterCeptoar = people.organisation("ceptoar-water");
    waterUtility = people.organisation("minamikawa-water");
  }

  @Test
  void anAdvisoryAskingForAnAcknowledgementIsAnUrgentNoticeForEveryoneItReached() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    TestPeople.TestPerson administrator = people.create("mlit", "org-admin");
    TestPeople.TestPerson outsider = people.create("asahino-power", "reporter");
    UUID advisory = issue("水道設備を狙う攻撃への注意喚起", Tlp.AMBER, mlit, waterCeptoar);

    scenarios.publish(new AdvisoryIssued(advisory, reference(advisory), hub, inAWeek()));
    scenarios.awaitHandled(advisory);

    assertThat(scenarios.notifications(liaison.id(), advisory)).isEqualTo(1);
    assertThat(scenarios.notifications(administrator.id(), advisory)).isEqualTo(1);
    assertThat(scenarios.notifications(outsider.id(), advisory)).isZero();
    assertThat(
            Pages.get(
                    mvc,
                    SignIn.as(mvc, administrator.email(), TestPeople.PASSWORD),
                    "/notifications")
                .select("li:contains(" + reference(advisory) + ")")
                .text())
        .contains("国土交通省 に注意喚起が届きました", "水道設備を狙う攻撃への注意喚起", "TLP:AMBER", "緊急");
  }

  @Test
  void anAdvisoryRelayedDownTheMapReachesTheOperatorOnceHoweverOftenItIsAnnounced() {
    TestPeople.TestPerson operator = people.create("minamikawa-water", "reporter");
    UUID advisory = issue("浄水場の遠隔監視に関する注意", Tlp.GREEN, waterCeptoar);
    scenarios.publish(new AdvisoryIssued(advisory, reference(advisory), hub, null));
    scenarios.awaitHandled(advisory);
    assertThat(scenarios.notifications(operator.id(), advisory)).isZero();

    reach(advisory, waterUtility);
    AdvisoryRelayed relayed =
        new AdvisoryRelayed(advisory, reference(advisory), waterCeptoar, waterUtility);
    // announced again after the first was handled, as a redelivery would be (see NotificationsTest)
    scenarios.publish(relayed);
    scenarios.awaitHandled(advisory);
    scenarios.publish(relayed);
    scenarios.awaitHandled(advisory);

    assertThat(scenarios.notifications(operator.id(), advisory)).isEqualTo(1);
  }

  @Test
  void anAmberAdvisoryRelayedToAnOrganisationOutsideItsAudienceTellsItNothing() {
    TestPeople.TestPerson operator = people.create("minamikawa-water", "reporter");
    UUID advisory = issue("所管省庁向けの限定情報", Tlp.AMBER, mlit);
    scenarios.publish(new AdvisoryIssued(advisory, reference(advisory), hub, null));

    scenarios.publish(new AdvisoryRelayed(advisory, reference(advisory), mlit, waterUtility));
    scenarios.awaitHandled(advisory);

    assertThat(scenarios.notifications(operator.id(), advisory)).isZero();
  }

  @Test
  void aReminderIsAnUrgentNoticeForThoseWhoHaveNotAcknowledged() {
    TestPeople.TestPerson late = people.create("ceptoar-water", "relay");
    TestPeople.TestPerson done = people.create("mlit", "relay");
    UUID advisory = issue("受領確認をお願いする注意喚起", Tlp.GREEN, mlit, waterCeptoar);
    scenarios.publish(new AdvisoryIssued(advisory, reference(advisory), hub, inAWeek()));
    scenarios.awaitHandled(advisory);

    scenarios.publish(
        new AdvisoryReminderSent(advisory, reference(advisory), Set.of(waterCeptoar)));
    scenarios.awaitHandled(advisory);

    assertThat(kinds(late, advisory))
        .containsExactlyInAnyOrder("ADVISORY_RECEIVED", "ADVISORY_REMINDER");
    assertThat(kinds(done, advisory)).containsExactly("ADVISORY_RECEIVED");
  }

  @Test
  void anAcknowledgementTellsTheIssuersLiaisonsWhoAcknowledged() throws Exception {
    TestPeople.TestPerson hubLiaison = people.create("national-hub", "relay");
    TestPeople.TestPerson hubAuditor = people.create("national-hub", "auditor");
    TestPeople.TestPerson acknowledger = people.create("mlit", "relay");
    UUID advisory = issue("受領確認の試験", Tlp.GREEN, mlit);
    scenarios.publish(new AdvisoryIssued(advisory, reference(advisory), hub, inAWeek()));
    scenarios.awaitHandled(advisory);

    scenarios.publish(
        new AcknowledgementRecorded(advisory, reference(advisory), mlit, acknowledger.id(), true));
    scenarios.awaitHandled(advisory);

    assertThat(scenarios.notifications(hubLiaison.id(), advisory)).isEqualTo(1);
    assertThat(scenarios.notifications(hubAuditor.id(), advisory)).isZero();
    assertThat(
            Pages.get(
                    mvc, SignIn.as(mvc, hubLiaison.email(), TestPeople.PASSWORD), "/notifications")
                .select("li:contains(" + reference(advisory) + ")")
                .text())
        .contains("国土交通省 が期限を過ぎて注意喚起の受領を確認しました");
  }

  private UUID issue(String title, Tlp tlp, OrganisationId... audience) {
    UUID id = UUID.randomUUID();
    items.advisories.put(
        id,
        new Advisory("A2026-" + id.toString().substring(0, 5), title, hub, tlp, Set.of(audience)));
    return id;
  }

  private void reach(UUID advisory, OrganisationId organisation) {
    Advisory known = items.advisories.get(advisory);
    Set<OrganisationId> audience = new HashSet<>(known.audience());
    audience.add(organisation);
    items.advisories.put(
        advisory,
        new Advisory(
            known.reference(), known.title(), known.issuer(), known.tlp(), Set.copyOf(audience)));
  }

  private String reference(UUID advisory) {
    return items.advisories.get(advisory).reference();
  }

  private java.util.List<String> kinds(TestPeople.TestPerson person, UUID advisory) {
    return jdbc.sql("select kind from notification where recipient = :person and item_id = :item")
        .param("person", person.id().value())
        .param("item", advisory)
        .query(String.class)
        .list();
  }

  private static Instant inAWeek() {
    return Instant.now().plus(7, ChronoUnit.DAYS);
  }
}
