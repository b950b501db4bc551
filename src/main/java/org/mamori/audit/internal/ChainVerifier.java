package org.mamori.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mamori.audit.AuditTrail;
import org.mamori.audit.ChainFinding;
import org.mamori.audit.ChainFinding.Kind;
import org.mamori.audit.ChainVerification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the whole chain once, in position order, and compares it with the exported heads. */
@Service
class ChainVerifier implements AuditTrail {

  /** Enough to show where tampering starts without flooding the page. */
  private static final int MAX_FINDINGS = 200;

  private final AuditEntries entries;
  private final ChainKey key;
  private final ChainHeads heads;
  private final Clock clock;

  ChainVerifier(AuditEntries entries, ChainKey key, ChainHeads heads, Clock clock) {
    this.entries = entries;
    this.key = key;
    this.heads = heads;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public ChainVerification verify() {
    UUID chain = entries.chainId();
    List<ChainHeads.Head> all = heads.read();
    Map<Long, String> exported = new HashMap<>();
    all.stream()
        .filter(h -> h.chain().equals(chain))
        .forEach(h -> exported.put(h.position(), h.mac()));
    Walk walk = new Walk(exported);
    entries.forEachInOrder(walk::visit);
    List<ChainFinding> findings = walk.findings;
    exported.keySet().stream()
        .filter(position -> position > walk.lastPosition)
        .sorted()
        .forEach(position -> findings.add(new ChainFinding(position, Kind.TRUNCATED)));
    return new ChainVerification(
        clock.instant(),
        walk.count,
        exported.size(),
        (int) all.stream().filter(h -> !h.chain().equals(chain)).count(),
        findings.stream().limit(MAX_FINDINGS).toList());
  }

  private final class Walk {
    private final Map<Long, String> exported;
    private final List<ChainFinding> findings = new ArrayList<>();
    private long expected = 1;
    private long lastPosition;
    private long count;
    private String previousMac = AuditEntry.GENESIS;

    private Walk(Map<Long, String> exported) {
      this.exported = exported;
    }

    void visit(AuditEntry entry) {
      count++;
      if (entry.position() > expected) {
        findings.add(new ChainFinding(expected, Kind.MISSING));
      } else if (!entry.previousMac().equals(previousMac)) {
        findings.add(new ChainFinding(entry.position(), Kind.BROKEN_LINK));
      }
      if (!key.mac(entry).equals(entry.mac())) {
        findings.add(new ChainFinding(entry.position(), Kind.MODIFIED));
      }
      String head = exported.get(entry.position());
      if (head != null && !head.equals(entry.mac())) {
        findings.add(new ChainFinding(entry.position(), Kind.HEAD_MISMATCH));
      }
      previousMac = entry.mac();
      expected = entry.position() + 1;
      lastPosition = entry.position();
    }
  }
}
