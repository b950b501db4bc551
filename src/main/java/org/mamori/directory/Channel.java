package org.mamori.directory;

/** How a hop of the sharing map is made. */
public enum Channel {
  MAMORI,
  EMAIL,
  PHONE
}
