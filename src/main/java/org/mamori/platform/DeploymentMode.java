package org.mamori.platform;

import java.nio.file.Path;

/**
 * How this Mamori runs.
 *
 * @param embeddedDatabase true when Mamori runs its own in-process PostgreSQL (no server
 *     configured)
 * @param demo true when demo organisations and people are loaded on first start
 * @param dataDirectory where Mamori keeps files of its own (embedded database, keys, audit heads)
 */
public record DeploymentMode(boolean embeddedDatabase, boolean demo, Path dataDirectory) {}
