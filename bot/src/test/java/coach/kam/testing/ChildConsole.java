package coach.kam.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code kam-coach console} running in a child JVM on the test class path: lines are written to
 * its standard input one by one, its standard output is read by a thread into a queue of lines,
 * its standard error goes to a file.
 */
public final class ChildConsole implements AutoCloseable {
    /** Put on the queue once standard output has ended. */
    private static final String EOF = new String("<eof>");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path stderr;
    private final Thread reader;
    private boolean ended;

    private ChildConsole(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readStdout, "child-stdout-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code kam-coach <args>}; standard error goes to {@code stderr}. */
    public static ChildConsole start(Path stderr, String... args) throws IOException {
        return start(stderr, Map.of(), args);
    }

    /** Starts {@code kam-coach <args>} with {@code extraEnv} added to a clean environment. */
    public static ChildConsole start(Path stderr, Map<String, String> extraEnv, String... args) throws IOException {
        return startMain(stderr, extraEnv, "coach.kam.cli.Main", args);
    }

    /** As {@link #start(Path, Map, String...)} with another main class (one that installs a test hook first). */
    public static ChildConsole startMain(Path stderr, Map<String, String> extraEnv, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        // Nothing from the developer's shell may point the child elsewhere (or at a network model).
        env.keySet().removeIf(k -> k.startsWith("KAM_") || k.startsWith("TELEGRAM_"));
        Path knowledge = Path.of("..", "knowledge").toAbsolutePath().normalize();
        if (Files.isRegularFile(knowledge.resolve("README.md"))) {
            env.put("KAM_KNOWLEDGE_DIR", knowledge.toString());
        }
        env.putAll(extraEnv);
        pb.redirectError(stderr.toFile());
        return new ChildConsole(pb.start(), stderr);
    }

    /** A console for {@code user} on {@code dataDir}, in English. */
    public static ChildConsole console(Path dataDir, long user, Path stderr) throws IOException {
        return start(stderr, "console", "--data", dataDir.toString(), "--user", Long.toString(user), "--lang", "en");
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was killed mid-line: what was read is all there is
        } finally {
            lines.add(EOF);
        }
    }

    /** Writes one line to the child's standard input; false when the child is gone. */
    public boolean send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for the next output line matching {@code wanted}, skipping others. Fails on timeout
     * or when the output ends first.
     */
    public String await(Predicate<String> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = next(deadline - System.nanoTime());
            if (line == null) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + diagnostics());
            }
            if (line == EOF) {
                throw new AssertionError("the child's output ended while waiting for " + what + diagnostics());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** The next line, or null on timeout, or {@link #EOF}. */
    private String next(long nanos) throws InterruptedException {
        if (ended) {
            return EOF;
        }
        String line = lines.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        if (line == EOF) {
            ended = true;
        } else if (line != null) {
            seen.add(line);
        }
        return line;
    }

    /** Every line read so far, matched or skipped. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** Every line still to come until the output ends (call after the child is gone). */
    public List<String> rest(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> out = new ArrayList<>();
        while (true) {
            String line = next(deadline - System.nanoTime());
            if (line == null) {
                throw new AssertionError("the child's output did not end within " + timeout + diagnostics());
            }
            if (line == EOF) {
                return out;
            }
            out.add(line);
        }
    }

    /** SIGTERM on Linux, as a service manager stops the bot; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL on Linux; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not die within 30 s of SIGKILL");
        }
    }

    /** Ends standard input (the console then leaves normally) and waits for the exit code. */
    public int closeInputAndWait(Duration timeout) throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // gone already
        }
        return waitFor(timeout);
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not exit within " + timeout + diagnostics());
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's process, to look at its own children. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String stderrText() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read stderr: " + e + ")";
        }
    }

    private String diagnostics() {
        int from = Math.max(0, seen.size() - 15);
        return "\n--- last stdout lines ---\n" + String.join("\n", seen.subList(from, seen.size()))
                + "\n--- stderr ---\n" + tail(stderrText(), 4000);
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }

    /** Kills the child if it is still running (for clean-up). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // gone
        }
    }
}
