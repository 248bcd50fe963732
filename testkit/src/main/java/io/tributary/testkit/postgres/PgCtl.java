package io.tributary.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restarts a running PostgreSQL with its own {@code pg_ctl}, found next to the postmaster's executable, in fast mode
 * (every session is ended, as when an operator restarts the database) and with the options it was started with
 * ({@code pg_ctl restart} reads them from {@code postmaster.opts}). As root it runs in a new user namespace
 * ({@code unshare -U}), as the embedded server itself does, since PostgreSQL refuses to run as root. Linux only,
 * like the bundled binaries.
 */
final class PgCtl {

    private static final long TIMEOUT_S = 60;

    private PgCtl() {
    }

    /** Returns once the server accepts connections again. */
    static void restart(Path dataDirectory) {
        Path output = dataDirectory.resolve("pg_ctl.out");
        try {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(binDirectory(dataDirectory).resolve("pg_ctl").toString(), "restart",
                    "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", String.valueOf(TIMEOUT_S),
                    "-l", dataDirectory.resolve("restart.log").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_S + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl restart did not finish within " + TIMEOUT_S + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart failed (exit " + process.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart PostgreSQL in " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting PostgreSQL", e);
        }
    }

    /** The directory of the running postmaster's executable: its PID is the first line of postmaster.pid. */
    private static Path binDirectory(Path dataDirectory) throws IOException {
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim();
        return Files.readSymbolicLink(Path.of("/proc", pid, "exe")).getParent();
    }
}
