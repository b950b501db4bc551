package org.mamori.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the whole audit chain.
 *
 * @param entries how many entries were checked
 * @param headsChecked how many exported heads of this chain were compared
 * @param foreignHeads exported heads that belong to another chain (the database was replaced or
 *     restored from elsewhere): not evidence of tampering by themselves, but worth a look
 * @param findings what is wrong, in position order (empty when the chain is intact)
 */
public record ChainVerification(
    Instant checkedAt,
    long entries,
    int headsChecked,
    int foreignHeads,
    List<ChainFinding> findings) {

  public boolean intact() {
    return findings.isEmpty();
  }
}
