package org.mamori.directory;

/** An operator's size: large, or small and medium-sized (中小), by thresholds kept as data. */
public enum SizeClass {
  LARGE,
  SME
}
