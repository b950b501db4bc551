package org.mamori.access.internal;

import java.util.Optional;
import java.util.Set;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator of a new installation ({@code MAMORI_BOOTSTRAP_ADMIN}): while no active
 * person can administer the platform, each start enrols that address in the national hub as
 * platform administrator and logs a 24-hour link to choose its password.
 */
@Component
class FirstAdministrator {

  static final String ROLE = "platform-admin";

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  /** Nodes starting together take turns, so only one of them enrols and logs a link. */
  private static final long LOCK = 0x6d616d6f72690001L;

  private final Directory directory;
  private final Enrolment enrolment;
  private final SetupLinkService links;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final String email;
  private final String name;

  FirstAdministrator(
      Directory directory,
      Enrolment enrolment,
      SetupLinkService links,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      @Value("${mamori.bootstrap-admin.email:}") String email,
      @Value("${mamori.bootstrap-admin.name:}") String name) {
    this.directory = directory;
    this.enrolment = enrolment;
    this.links = links;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.email = email.strip();
    this.name = name.isBlank() ? this.email : name.strip();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    if (email.isEmpty()) {
      return;
    }
    ensure()
        .ifPresent(
            link ->
                log.warn(
                    "Open {} within 24 hours to choose the first administrator's password",
                    link.url()));
  }

  /** Enrols the first administrator and issues their link, unless someone already administers. */
  Optional<SetupLinkService.Issued> ensure() {
    return transactions.execute(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().listOfRows();
          if (directory.anyoneHolds(Capability.ADMINISTER_PLATFORM)) {
            log.info("A platform administrator exists; MAMORI_BOOTSTRAP_ADMIN is not needed");
            return Optional.empty();
          }
          PersonId person =
              enrolment.enrol(
                  Actor.SYSTEM, email, name, directory.nationalHub().id(), Set.of(ROLE));
          return Optional.of(
              links.issue(
                  Actor.SYSTEM,
                  person,
                  SetupLinks.Purpose.BOOTSTRAP,
                  SetupLinkService.BOOTSTRAP_VALIDITY));
        });
  }
}
