package io.tributary.testkit.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server running in a child JVM, so that its libraries never meet the test's (Kafka's slf4j 1.7, the drivers' netty).
 *
 * <p>The child's classpath comes from a resource {@code <resourceDir>/server.classpath} written at build time by the
 * server's launcher module, plus the location of the launcher module itself. The child prints one line matching
 * {@code readyLine} once it serves; everything it prints goes to {@code <workDir>/server.log}. {@link #close()} stops it
 * (and a shutdown hook does so if the test JVM exits first).
 */
public final class ForkedJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Matcher ready;
    private final Thread shutdownHook;

    private ForkedJvm(String name, Process process, Path log, Matcher ready, Thread shutdownHook) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.ready = ready;
        this.shutdownHook = shutdownHook;
    }

    public static Builder builder(String name, String resourceDir) {
        return new Builder(name, resourceDir);
    }

    /** The ready line's match, for servers that announce their ports in it. */
    public Matcher readyLine() {
        return ready;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(process, Duration.ofSeconds(20));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing left to remove
        }
    }

    private static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ", log " + log + ")";
    }

    public static final class Builder {
        private final String name;
        private final String resourceDir;
        private String mainClass;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private Pattern readyLine;
        private Duration startTimeout = Duration.ofSeconds(90);
        private Path workDir;
        private Path javaHome = Paths.get(System.getProperty("java.home"));

        private Builder(String name, String resourceDir) {
            this.name = name;
            this.resourceDir = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        public Builder jvmArgs(List<String> jvmArgs) {
            this.jvmArgs.addAll(jvmArgs);
            return this;
        }

        public Builder args(List<String> args) {
            this.args.addAll(args);
            return this;
        }

        public Builder readyLine(Pattern readyLine) {
            this.readyLine = readyLine;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** The JDK that runs the child; defaults to the test JVM's own. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public ForkedJvm start() {
            if (mainClass == null || readyLine == null || workDir == null) {
                throw new IllegalStateException("mainClass, readyLine and workDir are required");
            }
            try {
                Files.createDirectories(workDir);
                Path argFile = workDir.resolve("classpath.argfile");
                // An @argfile keeps a long classpath off the command line.
                Files.writeString(argFile, "-cp \"" + classpath().replace("\\", "\\\\") + "\"\n");
                List<String> command = new ArrayList<>();
                command.add(javaHome.resolve("bin").resolve("java").toString());
                command.addAll(jvmArgs);
                command.add("@" + argFile);
                command.add(mainClass);
                command.addAll(args);
                Path log = workDir.resolve("server.log");
                Process process = new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .start();
                Thread hook = new Thread(() -> stop(process, Duration.ofSeconds(5)), name + "-stopper");
                Runtime.getRuntime().addShutdownHook(hook);
                CompletableFuture<Matcher> ready = pumpOutput(process.getInputStream(), log);
                try {
                    Matcher match = ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    return new ForkedJvm(name, process, log, match, hook);
                } catch (TimeoutException | ExecutionException | InterruptedException e) {
                    stop(process, Duration.ofSeconds(5));
                    Runtime.getRuntime().removeShutdownHook(hook);
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException(name + " did not print a line matching '" + readyLine
                            + "' within " + startTimeout + " (exit: "
                            + (process.isAlive() ? "still running" : process.exitValue()) + "); last output:\n"
                            + tail(log, 60), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name, e);
            }
        }

        private CompletableFuture<Matcher> pumpOutput(InputStream output, Path log) throws IOException {
            CompletableFuture<Matcher> ready = new CompletableFuture<>();
            Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
            Thread pump = new Thread(() -> {
                try (writer; BufferedReader reader =
                        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        writer.write(line);
                        writer.write('\n');
                        writer.flush();
                        Matcher matcher = readyLine.matcher(line);
                        if (!ready.isDone() && matcher.find()) {
                            ready.complete(matcher);
                        }
                    }
                } catch (IOException e) {
                    // the child is gone; whoever waits learns it from the future
                } finally {
                    ready.completeExceptionally(new IOException(name + " exited before it was ready"));
                }
            }, name + "-output");
            pump.setDaemon(true);
            pump.start();
            return ready;
        }

        private String classpath() throws IOException {
            String resource = resourceDir + "server.classpath";
            URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("No " + resource + " on the test classpath: is the launcher module "
                        + "a dependency, and was it built (its generate-resources phase writes the file)?");
            }
            String launcherLocation = launcherLocation(url, resource);
            String dependencies;
            try (InputStream in = url.openStream()) {
                dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            return dependencies.isEmpty() ? launcherLocation
                    : launcherLocation + java.io.File.pathSeparator + dependencies;
        }

        private static String launcherLocation(URL url, String resource) {
            try {
                if ("jar".equals(url.getProtocol())) {
                    String spec = url.getPath(); // file:/.../x.jar!/resource
                    return Paths.get(new URL(spec.substring(0, spec.indexOf("!/"))).toURI()).toString();
                }
                Path file = Paths.get(url.toURI());
                Path root = file;
                for (int i = 0; i < resource.split("/").length; i++) {
                    root = root.getParent();
                }
                return root.toString();
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("Cannot locate the launcher of " + url, e);
            }
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
