package org.mamori.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file beside the database directory, held while this JVM runs the
 * embedded server. The system drops it when the process dies, however it dies, so a lock nobody
 * holds means nobody living owns the directory.
 */
final class OwnerLock {

  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static OwnerLock take(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "Another Mamori is running with this data directory ("
              + file.getParent()
              + "). Stop it first, or give this one its own MAMORI_DATA_DIR.");
    }
    return new OwnerLock(channel, lock);
  }

  void release() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not release " + lock, e);
    }
  }
}
