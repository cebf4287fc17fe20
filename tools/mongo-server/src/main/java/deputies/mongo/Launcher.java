package deputies.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts mongo-java-server on loopback and prints its URI as the only line on stdout.
 *
 * <pre>
 * java -jar mongo-server.jar [--port N] [--h2 FILE] [--exit-on-stdin-eof]
 * </pre>
 *
 * Without --h2 the data lives in memory, its non-unique indexes kept ({@link IndexedMemoryBackend}).
 * Stops on SIGTERM/SIGINT and, when asked, when the parent's
 * end of stdin closes (so a parent killed with SIGKILL does not leave the server behind; CI runs
 * with no stdin at all, hence opt-in).
 */
public final class Launcher {
  /** MongoDB 6.0: the driver (7.x) refuses servers older than wire version 8, and the library's newest built-in reports 8. */
  private static final MongoVersion MONGO_6_0 =
      new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
          return List.of(6, 0, 0);
        }

        @Override
        public int getWireVersion() {
          return 17;
        }
      };

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    // Before any logger exists: one line per client connection would drown the test output.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // "adding secondary index … not yet implemented" for every non-unique index the H2 backend (and, for dotted
    // keys, the memory one) leaves out: a known gap (docs/architecture.md), not news.
    System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.backend.AbstractMongoDatabase", "error");
    // Logs every refused command with a stack trace (a duplicate key, a collection that exists), though the
    // client gets the error in its answer anyway. WriteSerializingBackend logs the unexpected ones instead.
    System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", "off");
    int port = 0;
    String h2File = null;
    boolean exitOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(requireValue(args, ++i, "--port"));
        case "--h2" -> h2File = requireValue(args, ++i, "--h2");
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        default -> fail("unknown argument: " + args[i]);
      }
    }

    H2Backend h2 = null;
    MongoBackend backend;
    if (h2File != null) {
      Path parent = Path.of(h2File).toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      h2 = new H2Backend(h2File);
      backend = h2;
    } else {
      backend = new IndexedMemoryBackend();
    }
    backend.version(MONGO_6_0);

    MongoServer server = new MongoServer(WriteSerializingBackend.wrap(backend));
    InetSocketAddress address;
    try {
      server.bind("127.0.0.1", port);
      address = server.getLocalAddress();
    } catch (RuntimeException e) {
      fail("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
      return;
    }

    final H2Backend h2Backend = h2;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  // Flushes the MVStore so data written before the stop survives it.
                  if (h2Backend != null) h2Backend.close();
                },
                "mongo-server-stop"));

    System.out.println("mongodb://127.0.0.1:" + address.getPort() + "/");
    System.out.flush();

    if (exitOnStdinEof) {
      Thread watcher =
          new Thread(
              () -> {
                try (InputStream in = System.in) {
                  while (in.read() >= 0) {
                    // Input is ignored; only its end matters.
                  }
                } catch (IOException ignored) {
                  // A broken pipe is an end too.
                }
                System.exit(0);
              },
              "stdin-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    Thread.currentThread().join();
  }

  private static String requireValue(String[] args, int i, String flag) {
    if (i >= args.length) fail(flag + " needs a value");
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("mongo-server: " + message);
    System.exit(2);
  }
}
