package coach.kam.testing;

import coach.kam.KamCoach;
import coach.kam.console.ConsoleChat;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console adapter, driven through its text streams like a person at a terminal: a line in,
 * everything printed up to the next prompt out; buttons are pressed by typing their number.
 */
public final class ConsoleDriver implements ChatDriver {
    private static final Pattern BUTTON = Pattern.compile("\\[(\\d+)] (.*?)(?=  \\[\\d+]|$)");
    private static final long WAIT_MS = 20_000;

    private final Path dataDir;
    private final MutableClock clock;
    private final String lang;
    private final Output output = new Output();
    private KamCoach coach;
    private PipedOutputStream keyboard;
    private Thread chat;
    private Map<String, String> numbers = new LinkedHashMap<>();

    public ConsoleDriver(Path dataDir, MutableClock clock, String lang) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.lang = lang;
        open();
    }

    private void open() {
        coach = TestCoach.start(dataDir, clock);
        try {
            keyboard = new PipedOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(keyboard, 1 << 16),
                    StandardCharsets.UTF_8));
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            // files go where the program puts them, in the data folder, never the working directory
            ConsoleChat console = new ConsoleChat(coach.conversation(), in, out, 1, lang)
                    .savingDocumentsIn(dataDir.resolve("exports"));
            chat = new Thread(() -> {
                try {
                    console.run(true);
                } catch (IOException ignored) {
                    // the pipe closed: the driver is restarting or done
                }
            }, "console-driver");
            int from = output.size();
            chat.start();
            output.awaitPrompt(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Shown> type(long user, String text) {
        int from = output.size();
        try {
            keyboard.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String printed = output.awaitPrompt(from);
        List<String> labels = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        StringBuilder text2 = new StringBuilder();
        for (String line : printed.split("\n")) {
            if (line.startsWith("  [")) {
                Matcher m = BUTTON.matcher(line.strip());
                while (m.find()) {
                    labels.add(m.group(2).strip());
                    seen.put(m.group(2).strip(), m.group(1));
                }
            } else {
                text2.append(line).append('\n');
            }
        }
        if (!seen.isEmpty()) {
            numbers = seen;
        }
        return List.of(new Shown(text2.toString().strip(), labels));
    }

    @Override
    public List<Shown> press(long user, String label) {
        String n = numbers.get(label);
        if (n == null) {
            throw new AssertionError("no button '" + label + "' was shown; saw " + numbers.keySet());
        }
        return type(user, n);
    }

    @Override
    public List<Shown> location(long user, double latitude, double longitude) {
        return type(user, "/loc " + latitude + "," + longitude);
    }

    @Override
    public void advance(java.time.Duration d) {
        clock.advance(d);
    }

    @Override
    public void restart() {
        stop();
        open();
    }

    private void stop() {
        try {
            keyboard.close();
            chat.join(WAIT_MS);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        coach.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** Collects what the console prints and wakes the driver when it shows its prompt again. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized int size() {
            return bytes.size();
        }

        /** Everything printed after {@code from}, once it ends with the prompt. */
        synchronized String awaitPrompt(int from) {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (true) {
                String all = bytes.toString(StandardCharsets.UTF_8);
                String tail = new String(java.util.Arrays.copyOfRange(bytes.toByteArray(), from, bytes.size()), StandardCharsets.UTF_8);
                if (tail.endsWith("> ")) {
                    return tail.substring(0, tail.length() - 2);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("console printed no prompt; output so far:\n" + all);
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }
}
