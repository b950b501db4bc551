package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.sharing.SpreadSuspected;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A possible spread across sectors: released reports from two or more sectors that share one
 * indicator or one cause within the spread window. It stays open, gathering further reports, while
 * they keep arriving within the window of the last one.
 */
@Table("spread_alert")
class SpreadAlert {

  private final @Id UUID id;
  private final SpreadSuspected.Basis basis;

  /** The indicator's kind (IPV4, DOMAIN, …); empty for a cause. */
  private final String indicatorKind;

  /** The normalised indicator, or the cause code. */
  private final String sharedValue;

  private Instant firstSeenAt;
  private Instant lastSeenAt;
  private final Instant raisedAt;

  @MappedCollection(idColumn = "alert_id")
  private final Set<SpreadSighting> reports;

  private @Version @Nullable Long version;

  @PersistenceCreator
  SpreadAlert(
      UUID id,
      SpreadSuspected.Basis basis,
      String indicatorKind,
      String sharedValue,
      Instant firstSeenAt,
      Instant lastSeenAt,
      Instant raisedAt,
      Set<SpreadSighting> reports,
      @Nullable Long version) {
    this.id = id;
    this.basis = basis;
    this.indicatorKind = indicatorKind;
    this.sharedValue = sharedValue;
    this.firstSeenAt = firstSeenAt;
    this.lastSeenAt = lastSeenAt;
    this.raisedAt = raisedAt;
    this.reports = new HashSet<>(reports);
    this.version = version;
  }

  /**
   * Raises an alert for the sightings.
   *
   * @throws IllegalArgumentException unless they come from two or more sectors
   */
  static SpreadAlert raise(
      SpreadSuspected.Basis basis,
      String indicatorKind,
      String sharedValue,
      Collection<SpreadSighting> sightings,
      Instant at) {
    if (!spansSectors(sightings)) {
      throw new IllegalArgumentException("a spread needs reports from two or more sectors");
    }
    return new SpreadAlert(
        UUID.randomUUID(),
        basis,
        indicatorKind,
        sharedValue,
        earliest(sightings),
        latest(sightings),
        at,
        Set.copyOf(sightings),
        null);
  }

  /** Whether the sightings come from two or more sectors: the one rule that raises an alert. */
  static boolean spansSectors(Collection<SpreadSighting> sightings) {
    return sightings.stream().map(SpreadSighting::sectorId).distinct().count() >= 2;
  }

  /**
   * Links the reports not linked yet.
   *
   * @return whether a further sector joined
   */
  boolean include(Collection<SpreadSighting> sightings) {
    int before = sectors();
    Set<UUID> linked = reportIds();
    for (SpreadSighting sighting : sightings) {
      if (linked.add(sighting.reportId())) {
        reports.add(sighting);
        firstSeenAt = sighting.seenAt().isBefore(firstSeenAt) ? sighting.seenAt() : firstSeenAt;
        lastSeenAt = sighting.seenAt().isAfter(lastSeenAt) ? sighting.seenAt() : lastSeenAt;
      }
    }
    return sectors() > before;
  }

  int sectors() {
    return (int) reports.stream().map(SpreadSighting::sectorId).distinct().count();
  }

  Set<UUID> reportIds() {
    return reports.stream().map(SpreadSighting::reportId).collect(Collectors.toSet());
  }

  /** The linked reports, the earliest seen first. */
  List<SpreadSighting> sightings() {
    return reports.stream()
        .sorted(
            Comparator.comparing(SpreadSighting::seenAt).thenComparing(SpreadSighting::reportId))
        .toList();
  }

  UUID id() {
    return id;
  }

  SpreadSuspected.Basis basis() {
    return basis;
  }

  String indicatorKind() {
    return indicatorKind;
  }

  String sharedValue() {
    return sharedValue;
  }

  Instant firstSeenAt() {
    return firstSeenAt;
  }

  Instant lastSeenAt() {
    return lastSeenAt;
  }

  Instant raisedAt() {
    return raisedAt;
  }

  String path() {
    return "/trends/spread/" + id;
  }

  private static Instant earliest(Collection<SpreadSighting> sightings) {
    return sightings.stream()
        .map(SpreadSighting::seenAt)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static Instant latest(Collection<SpreadSighting> sightings) {
    return sightings.stream()
        .map(SpreadSighting::seenAt)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
