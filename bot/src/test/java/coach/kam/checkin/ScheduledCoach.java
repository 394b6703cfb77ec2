package coach.kam.checkin;

import coach.kam.KamCoach;
import coach.kam.conversation.Button;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core on a MapDB file with a clock tests move, and the scheduler's output caught per chat:
 * what {@link CheckinScheduleTest} does, for tests that need it in a few lines.
 */
final class ScheduledCoach implements AutoCloseable {
    private final MutableClock clock;
    private final KamCoach coach;
    private final List<Map.Entry<Long, Reply>> queued = new ArrayList<>();
    private List<Reply> last = List.of();

    ScheduledCoach(Path dir, String start) {
        clock = MutableClock.at(start);
        coach = KamCoach.assemble(TestCoach.config(dir), clock, TestCoach.knowledge(), MapDbStore.open(dir),
                SearchIndexes.of(TestCoach.indexes()), Optional.empty());
        coach.scheduler().sendTo((tx, chat, replies) -> replies.forEach(r -> queued.add(Map.entry(chat, r))));
    }

    /** What the rep typed; the replies' text. */
    String say(long user, String text) {
        return handle(new Event(user, user, null, text, null, null, "en"));
    }

    /** Presses the button with this label among {@code in}. */
    String press(long user, String label, List<Reply> in) {
        return pressData(user, data(label, in));
    }

    /** Presses the button with this label among the last replies. */
    String press(long user, String label) {
        return press(user, label, last);
    }

    /** Sends raw button data, as an old or forged button would. */
    String pressData(long user, String data) {
        return handle(new Event(user, user, null, null, data, null, "en"));
    }

    List<Reply> lastReplies() {
        return last;
    }

    static String data(String label, List<Reply> in) {
        return in.stream().flatMap(r -> r.buttons().stream()).flatMap(List::stream)
                .filter(b -> b.label().equals(label)).map(Button::data).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + in));
    }

    private String handle(Event e) {
        last = coach.conversation().handle(e);
        return String.join("\n", last.stream().map(Reply::plainText).toList());
    }

    /** Runs what is due at the clock's time and returns what went out, then forgets it. */
    List<Map.Entry<Long, Reply>> due() {
        coach.scheduler().runDue();
        List<Map.Entry<Long, Reply>> out = new ArrayList<>(queued);
        queued.clear();
        return out;
    }

    static String text(List<Map.Entry<Long, Reply>> out) {
        return String.join("\n", out.stream().map(e -> e.getValue().plainText()).toList());
    }

    static List<Reply> replies(List<Map.Entry<Long, Reply>> out) {
        return out.stream().map(Map.Entry::getValue).toList();
    }

    void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    KamCoach coach() {
        return coach;
    }

    @Override
    public void close() {
        coach.close();
    }
}
