package coach.kam.quarantine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The quarantine desk of a running bot, from another process: the command line writes its
 * command to {@code <data>/requests/quarantine-<id>.ask}, the bot (which looks every second)
 * answers in {@code .answer} ("ok" or "failed" on the first line, then the text).
 */
public final class DeskRequests {
    private static final String ASK = ".ask";
    private static final String ANSWER = ".answer";

    private DeskRequests() {
    }

    /** In the bot: answers every waiting request; returns how many. */
    public static int serve(Desk desk, Path dataDir) {
        Path dir = dataDir.resolve("requests");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> asked;
        try (Stream<Path> files = Files.list(dir)) {
            asked = files.filter(p -> p.getFileName().toString().startsWith("quarantine-")
                    && p.getFileName().toString().endsWith(ASK)).toList();
        } catch (IOException e) {
            return 0;
        }
        for (Path ask : asked) {
            String name = ask.getFileName().toString();
            Path answer = dir.resolve(name.substring(0, name.length() - ASK.length()) + ANSWER);
            Desk.Answer a;
            try {
                a = desk.run(Files.readString(ask, StandardCharsets.UTF_8));
            } catch (Throwable e) {
                a = new Desk.Answer(false, "the bot could not do it: " + Quarantine.describe(e));
            }
            try {
                Path part = dir.resolve(name + ".tmp");
                Files.writeString(part, (a.ok() ? "ok" : "failed") + "\n" + a.text(), StandardCharsets.UTF_8);
                Files.move(part, answer, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(ask);
            } catch (IOException e) {
                return 0;
            }
        }
        return asked.size();
    }

    /** From another process: asks the bot holding {@code dataDir}; throws when it does not answer in time. */
    public static Desk.Answer ask(Path dataDir, String command, Duration timeout) throws IOException, InterruptedException {
        Path dir = dataDir.resolve("requests");
        Files.createDirectories(dir);
        String id = "quarantine-" + UUID.randomUUID();
        Path part = dir.resolve(id + ".tmp");
        Path ask = dir.resolve(id + ASK);
        Path answer = dir.resolve(id + ANSWER);
        Files.writeString(part, command, StandardCharsets.UTF_8);
        Files.move(part, ask, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(answer)) {
            if (System.nanoTime() > deadline) {
                Files.deleteIfExists(ask);
                throw new IOException("the bot holding " + dataDir + " did not answer within " + timeout.toSeconds()
                        + " s; is it stuck? Its log says why");
            }
            Thread.sleep(100);
        }
        String text = Files.readString(answer, StandardCharsets.UTF_8);
        Files.deleteIfExists(answer);
        int nl = text.indexOf('\n');
        return new Desk.Answer(text.startsWith("ok"), nl < 0 ? "" : text.substring(nl + 1));
    }
}
