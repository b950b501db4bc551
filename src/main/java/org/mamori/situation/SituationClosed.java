package org.mamori.situation;

import java.util.UUID;

/** A duty officer closed a situation: what was granted for it ends; its record stays. */
public record SituationClosed(UUID situation, String reference) {}
