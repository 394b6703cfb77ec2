package coach.kam.console;

import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.pipeline.Pending;
import coach.kam.pipeline.Pipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat in a terminal. It only translates: a typed line becomes an event, replies are printed
 * as plain text with their buttons numbered, and typing a number presses that button.
 */
public final class ConsoleChat {
    /**
     * "/loc 31.23, 121.47" or "/loc 31.23 121.47". Between the numbers: blanks around a comma, or
     * blanks with a space among them, each run read once (possessive {@code *+}), where
     * {@code \s*[, ]\s*} tried every way of sharing a run of spaces out between its three parts.
     */
    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile(
            "(?i)/(loc|location)\\s++-?\\d++(\\.\\d++)?(?:\\s*+,|[\\t\\n\\x0B\\f\\r]*+ )\\s*+-?\\d++(\\.\\d++)?");

    private final Conversation conversation;
    private final BufferedReader in;
    private final PrintStream out;
    private final long userId;
    private final String languageCode;
    private List<Button> shown = List.of();
    private java.nio.file.Path documents = java.nio.file.Path.of(".");
    private static final java.time.Duration ANSWER_WAIT = java.time.Duration.ofMinutes(10);
    private Pipeline pipeline;
    private java.nio.file.Path dataDir;

    public ConsoleChat(Conversation conversation, BufferedReader in, PrintStream out, long userId, String languageCode) {
        this.conversation = conversation;
        this.in = in;
        this.out = out;
        this.userId = userId;
        this.languageCode = languageCode;
    }

    /** The timer that shows due messages, stopped before the store closes. */
    private AutoCloseable schedule;

    /**
     * Shows scheduled messages (check-ins, reminders) as they fall due, also while the console is
     * waiting for a line; {@code every} is how often it looks.
     */
    public ConsoleChat showingDue(coach.kam.conversation.checkin.Scheduler scheduler, java.time.Duration every) {
        scheduler.sendTo((tx, chatId, replies) -> {
            if (chatId == userId) {
                // shown once the change that made them is durable, as a reply is
                tx.afterCommit(() -> print(replies));
            }
        });
        // What fell due while nothing ran is shown before the first prompt.
        scheduler.runDue();
        schedule = scheduler.every(every, () -> { });
        return this;
    }

    /**
     * The data folder, where the pipeline notes the turn that runs so that a process death is
     * counted against it (unset: deaths are not counted).
     */
    public ConsoleChat countingDeathsIn(java.nio.file.Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** Where files the bot sends (exports, templates) are written; the current folder unless set. */
    public ConsoleChat savingDocumentsIn(java.nio.file.Path folder) {
        this.documents = folder;
        return this;
    }

    /** Reads lines until end of input or /quit; then the pipeline stops (what waits is handled at the next start). */
    public void run(boolean prompt) throws IOException {
        try {
            readLines(prompt);
        } finally {
            close();
        }
    }

    private void readLines(boolean prompt) throws IOException {
        String line;
        while (true) {
            if (prompt) {
                out.print("> ");
                out.flush();
            }
            line = in.readLine();
            if (line == null || line.strip().equalsIgnoreCase("/quit") || line.strip().equalsIgnoreCase("/exit")) {
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            Event event = toEvent(line.strip());
            String file = event.attachment() == null ? null : importPath(line.strip());
            Pending sent = pipeline().receive(List.of(new Pipeline.Incoming(0, userId,
                    ConsoleTurns.encode(event, file), event))).get(0);
            try {
                if (!pipeline.awaitEntry(sent.entry().seq(), ANSWER_WAIT)) {
                    out.println("(still working on it; the answer follows)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The console's way in: the same pipeline as Telegram's (a durable inbox, isolated turns, the
     * quarantine), with replies printed once their turn committed. Opened on first use.
     */
    private Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = new Pipeline(conversation.store(),
                    (tx, chat, replies) -> tx.afterCommit(() -> print(replies)),
                    new ConsoleTurns(conversation, userId, this::print), java.time.Clock.systemUTC(),
                    dataDir == null ? null : dataDir.resolve("inbox.inhand")).start();
        }
        return pipeline;
    }

    /** Stops the schedule and the pipeline; what is still in its inbox is handled at the next start. */
    public void close() {
        if (schedule != null) {
            try {
                schedule.close();
            } catch (Exception e) {
                // the timer's own shutdown does not fail
            }
            schedule = null;
        }
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    private static String importPath(String line) {
        String rest = line.substring(line.indexOf(' ') + 1).strip();
        return java.nio.file.Path.of(rest.replaceAll("^[\"']|[\"']$", "")).toAbsolutePath().toString();
    }

    Event toEvent(String line) {
        if (line.matches("\\d{1,2}")) {
            int n = Integer.parseInt(line);
            if (n >= 1 && n <= shown.size()) {
                return new Event(userId, userId, null, null, shown.get(n - 1).data(), null, languageCode);
            }
        }
        if (LOCATION.matcher(line).matches()) {
            String[] parts = line.replaceFirst("(?i)/(loc|location)\\s+", "").split("[,\\s]+");
            return new Event(userId, userId, null, null, null,
                    new Event.Location(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])), languageCode);
        }
        java.util.regex.Matcher file = java.util.regex.Pattern.compile("(?i)/import\\s+(.+)").matcher(line);
        if (file.matches()) {
            // the console's way of sending a file: a path on this machine (Telegram sends the document itself)
            java.nio.file.Path path = java.nio.file.Path.of(file.group(1).strip().replaceAll("^[\"']|[\"']$", ""));
            if (java.nio.file.Files.isRegularFile(path)) {
                long size = path.toFile().length();
                return new Event(userId, userId, null, "/import", null, null, languageCode,
                        new Event.Attachment(path.getFileName().toString(), size,
                                Event.Content.streamed(max -> java.nio.file.Files.newInputStream(path))));
            }
        }
        return new Event(userId, userId, null, line, null, null, languageCode);
    }

    private String save(Reply.Document d) {
        try {
            java.nio.file.Files.createDirectories(documents);
            java.nio.file.Path file = documents.resolve(d.fileName());
            if (d.bytes() == null && d.file() != null) {
                java.nio.file.Files.move(java.nio.file.Path.of(d.file()), file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                java.nio.file.Files.write(file, d.bytes() == null ? new byte[0] : d.bytes());
            }
            return file.toAbsolutePath().normalize().toString();
        } catch (IOException e) {
            return d.fileName() + " could not be saved: " + e.getMessage();
        }
    }

    synchronized void print(List<Reply> replies) {
        List<Button> numbered = new ArrayList<>();
        for (Reply reply : replies) {
            out.println(reply.plainText());
            if (reply.hasDocument()) {
                out.println("📎 " + save(reply.document()));
            }
            for (List<Button> row : reply.buttons()) {
                StringBuilder line = new StringBuilder();
                for (Button b : row) {
                    numbered.add(b);
                    line.append("  [").append(numbered.size()).append("] ").append(b.label());
                }
                out.println(line);
            }
            out.println();
        }
        if (!numbered.isEmpty()) {
            shown = numbered;
        }
        out.flush();
    }
}
