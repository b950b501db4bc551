package org.mamori.demo.internal;

import java.util.Set;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.exchange.CollectionDefinition;
import org.mamori.exchange.TaxiiCollections;
import org.mamori.platform.DeploymentMode;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Two demo TAXII collections, each defined once (found again by its alias): one every member of
 * Mamori reads and the national hub writes, unmarked objects TLP:GREEN; and the electric power
 * CEPTOAR's, read by the sector's operators and its CEPTOAR, written by the CEPTOAR and the hub,
 * unmarked objects TLP:AMBER.
 */
@Component
class DemoCollections {

  static final String ALL_SECTORS = "all-sectors";
  static final String ELECTRICITY = "electricity-ceptoar";

  private static final Logger log = LoggerFactory.getLogger(DemoCollections.class);

  private final DeploymentMode mode;
  private final Directory directory;
  private final TaxiiCollections collections;

  DemoCollections(DeploymentMode mode, Directory directory, TaxiiCollections collections) {
    this.mode = mode;
    this.directory = directory;
    this.collections = collections;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void defineOnce() {
    if (!mode.demo()) {
      return;
    }
    OrganisationId hub = directory.nationalHub().id();
    if (collections.idOfAlias(ALL_SECTORS).isEmpty()) {
      collections.define(
          Actor.SYSTEM,
          new CollectionDefinition(
              "全分野共有 (TLP:GREEN 既定)",
              "国家サイバー統括室から全分野へ共有する脅威情報。マーキングのないものは TLP:GREEN として扱います。",
              ALL_SECTORS,
              Tlp.GREEN,
              true,
              Set.of(),
              Set.of(),
              Set.of(hub)));
      log.info("Defined the demo TAXII collection {}", ALL_SECTORS);
    }
    if (collections.idOfAlias(ELECTRICITY).isEmpty()) {
      SectorSummary electricity =
          directory.sectors().stream()
              .filter(sector -> sector.code().equals("electricity"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no electricity sector"));
      OrganisationId ceptoar =
          directory
              .organisationByCode("ceptoar-electricity")
              .map(OrganisationSummary::id)
              .orElseThrow(() -> new IllegalStateException("no electric power CEPTOAR"));
      collections.define(
          Actor.SYSTEM,
          new CollectionDefinition(
              "電力分野 (電力セプター)",
              "電力セプターと電力分野の事業者で共有する脅威情報。マーキングのないものは TLP:AMBER として扱います。",
              ELECTRICITY,
              Tlp.AMBER,
              false,
              Set.of(ceptoar, hub),
              Set.of(electricity.id()),
              Set.of(ceptoar, hub)));
      log.info("Defined the demo TAXII collection {}", ELECTRICITY);
    }
  }
}
