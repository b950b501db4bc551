package org.mamori.directory.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a candidate sector stands in the consultation (1.2 所管省庁への打診): one step forward at a time
 * from {@link #CANDIDATE} to {@link #DESIGNATED}, or {@link #WITHDRAWN} at any stage before.
 */
enum CandidateStage {
  /** 候補: named and being scored. */
  CANDIDATE,
  /** 所管省庁に打診: the responsible ministry (and the industry) have been sounded out. */
  MINISTRY_CONSULTED,
  /** 参加の見込み: the sector is expected to take part. */
  PARTICIPATION_EXPECTED,
  /** セプター設立中: its CEPTOAR is being set up. */
  CEPTOAR_BEING_ESTABLISHED,
  /** 指定: designated; a sector now exists. */
  DESIGNATED,
  /** 見送り: not added, for now. */
  WITHDRAWN;

  /** The forward path, in order; {@link #WITHDRAWN} leaves it. */
  static final List<CandidateStage> PIPELINE =
      List.of(
          CANDIDATE,
          MINISTRY_CONSULTED,
          PARTICIPATION_EXPECTED,
          CEPTOAR_BEING_ESTABLISHED,
          DESIGNATED);

  /** The stage one step forward, or null when the review has ended here. */
  @Nullable CandidateStage next() {
    int at = PIPELINE.indexOf(this);
    return at < 0 || at == PIPELINE.size() - 1 ? null : PIPELINE.get(at + 1);
  }

  /** Designated or withdrawn: nothing about the candidate changes any more. */
  boolean hasEnded() {
    return this == DESIGNATED || this == WITHDRAWN;
  }
}
