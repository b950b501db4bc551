package org.mamori.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.audit.AuditTrail;
import org.mamori.audit.ChainFinding;
import org.mamori.audit.ChainFinding.Kind;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the audit table in SQL is found, with its position. Each test restores the rows it
 * touched, so the shared chain stays intact for every other test.
 */
@MamoriTest
class AuditChainTamperingTest {

  @Autowired AuditTrail trail;
  @Autowired AuditEntries entries;
  @Autowired ChainHeads heads;
  @Autowired ChainKey key;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void appendSomeEntriesAndExportTheHead() {
    for (int i = 0; i < 3; i++) {
      transactions.executeWithoutResult(
          status ->
              events.publishEvent(
                  new AuditableChange(
                      Actor.SYSTEM,
                      "test.appended",
                      "test",
                      UUID.randomUUID().toString(),
                      "An entry for the tampering test",
                      null,
                      List.of("state"))));
    }
    heads.export();
    assertThat(trail.verify().intact()).as("the chain is intact before tampering").isTrue();
  }

  @Test
  void aChangedEntryIsReportedAsModified() {
    AuditEntry target = entries.last().orElseThrow();
    jdbc.sql("update audit_entry set summary = 'nothing to see' where position = :p")
        .param("p", target.position())
        .update();
    try {
      assertThat(trail.verify().findings())
          .containsExactly(new ChainFinding(target.position(), Kind.MODIFIED));
    } finally {
      jdbc.sql("update audit_entry set summary = :s where position = :p")
          .param("s", target.summary())
          .param("p", target.position())
          .update();
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void aDeletedEntryIsReportedAsMissingAtItsPosition() {
    long middle = entries.last().orElseThrow().position() - 1;
    AuditEntry deleted = entries.at(middle).orElseThrow();
    delete(middle, middle);
    try {
      assertThat(trail.verify().findings()).containsExactly(new ChainFinding(middle, Kind.MISSING));
    } finally {
      entries.append(deleted);
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void aCutOffTailIsReportedAsTruncated() {
    long last = entries.last().orElseThrow().position();
    List<AuditEntry> tail =
        List.of(entries.at(last - 1).orElseThrow(), entries.at(last).orElseThrow());
    delete(last - 1, last);
    try {
      assertThat(trail.verify().findings()).contains(new ChainFinding(last, Kind.TRUNCATED));
    } finally {
      tail.forEach(entries::append);
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void aChainRecomputedEvenWithTheRightKeyDisagreesWithTheExportedHead() {
    long last = entries.last().orElseThrow().position();
    long from = last - 1;
    List<AuditEntry> original = new ArrayList<>();
    for (long p = from; p <= last; p++) {
      original.add(entries.at(p).orElseThrow());
    }
    // The attacker rewrites history from `from` on and recomputes every MAC after it.
    delete(from, last);
    String previousMac = entries.at(from - 1).orElseThrow().mac();
    for (AuditEntry entry : original) {
      AuditEntry rewritten =
          new AuditEntry(
              entry.position(),
              entry.recordedAt(),
              entry.actorPerson(),
              entry.actorOrganisation(),
              entry.action(),
              entry.subjectType(),
              entry.subjectId(),
              "rewritten history",
              entry.beforeDigest(),
              entry.afterDigest(),
              previousMac,
              "");
      rewritten = rewritten.signedWith(key.mac(rewritten));
      entries.append(rewritten);
      previousMac = rewritten.mac();
    }
    try {
      assertThat(trail.verify().findings())
          .containsExactly(new ChainFinding(last, Kind.HEAD_MISMATCH));
    } finally {
      delete(from, last);
      original.forEach(entries::append);
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void aForgedEntryInPlaceOfARealOneIsFound() {
    long last = entries.last().orElseThrow().position();
    List<AuditEntry> moved = List.of(entries.at(last).orElseThrow());
    AuditEntry previous = entries.at(last - 1).orElseThrow();
    delete(last, last);
    AuditEntry forged =
        new AuditEntry(
            last,
            previous.recordedAt(),
            previous.actorPerson(),
            previous.actorOrganisation(),
            "forged",
            "test",
            "forged",
            "an entry that never happened",
            null,
            null,
            previous.mac(),
            "0".repeat(64));
    entries.append(forged);
    try {
      assertThat(trail.verify().findings())
          .contains(
              new ChainFinding(last, Kind.MODIFIED), new ChainFinding(last, Kind.HEAD_MISMATCH));
    } finally {
      delete(last, last);
      moved.forEach(entries::append);
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  private void delete(long from, long to) {
    jdbc.sql("delete from audit_entry where position between :from and :to")
        .param("from", from)
        .param("to", to)
        .update();
  }
}
