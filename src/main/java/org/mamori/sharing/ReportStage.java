package org.mamori.sharing;

/** Which report of a case a version is: 速報, 続報 or 最終報. */
public enum ReportStage {
  /** 速報: the first report, sent quickly with what is known. */
  FIRST,
  /** 続報: a follow-up as more is learnt. */
  FOLLOW_UP,
  /** 最終報: the final report, once the case is closed. */
  FINAL
}
