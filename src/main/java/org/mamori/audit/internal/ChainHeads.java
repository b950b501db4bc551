package org.mamori.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mamori.platform.DeploymentMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exports the chain head (last position and its MAC) to a file outside the database and to the log,
 * regularly. Verification compares the chain with every exported head, which catches a cut-off tail
 * and a chain recomputed from some point on. Ship the log line or the file to a separate system to
 * keep the evidence out of an attacker's reach.
 */
@Component
class ChainHeads {

  private static final Logger log = LoggerFactory.getLogger(ChainHeads.class);

  /** One exported head: {@code <time> <chain id> <position> <mac>} in the file. */
  record Head(UUID chain, long position, String mac) {}

  private final AuditEntries entries;
  private final Path file;
  private final Clock clock;

  ChainHeads(AuditEntries entries, DeploymentMode mode, Clock clock) {
    this.entries = entries;
    this.file = mode.dataDirectory().resolve("audit").resolve("chain-heads.log");
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void exportOnStart() {
    export();
  }

  @Scheduled(
      fixedDelayString = "${mamori.audit.head-export-interval:PT10M}",
      initialDelayString = "${mamori.audit.head-export-interval:PT10M}")
  void exportRegularly() {
    export();
  }

  /** Writes the current head if it moved since the last export. */
  synchronized void export() {
    UUID chain = entries.chainId();
    entries
        .last()
        .ifPresent(
            head -> {
              boolean known =
                  read().stream()
                      .anyMatch(h -> h.chain().equals(chain) && h.position() == head.position());
              if (known) {
                return;
              }
              String line =
                  clock.instant()
                      + " "
                      + chain
                      + " "
                      + head.position()
                      + " "
                      + head.mac()
                      + System.lineSeparator();
              try {
                Files.createDirectories(file.getParent());
                Files.writeString(
                    file,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
              } catch (IOException e) {
                throw new UncheckedIOException("Could not export the audit chain head", e);
              }
              log.info(
                  "Audit chain head: chain {} position {} mac {}",
                  chain,
                  head.position(),
                  head.mac());
            });
  }

  /** Every exported head, of any chain, in file order. */
  List<Head> read() {
    List<Head> heads = new ArrayList<>();
    if (!Files.exists(file)) {
      return heads;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.strip().split(" ");
        if (parts.length == 4) {
          heads.add(new Head(UUID.fromString(parts[1]), Long.parseLong(parts[2]), parts[3]));
        }
      }
      return heads;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the exported audit chain heads", e);
    }
  }
}
