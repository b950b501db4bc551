package org.mamori.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the whole audit chain.
 *
 * @param entries how many entries were checked
 * @param headsChecked how many exported chain heads were compared
 * @param findings what is wrong, in position order (empty when the chain is intact)
 */
public record ChainVerification(
    Instant checkedAt, long entries, int headsChecked, List<ChainFinding> findings) {

  public boolean intact() {
    return findings.isEmpty();
  }
}
