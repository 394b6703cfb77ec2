package coach.kam.testing;

import coach.kam.KamCoach;
import coach.kam.conversation.Button;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The core itself: events in, replies out. */
public final class CoreDriver implements ChatDriver {
    private final Path dataDir;
    private final MutableClock clock;
    private final String lang;
    private final Map<Long, Map<String, String>> lastButtons = new HashMap<>();
    private KamCoach coach;

    public CoreDriver(Path dataDir, MutableClock clock, String lang) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.lang = lang;
        this.coach = TestCoach.start(dataDir, clock);
    }

    public KamCoach coach() {
        return coach;
    }

    @Override
    public List<Shown> type(long user, String text) {
        return send(user, new Event(user, user, null, text, null, null, lang));
    }

    @Override
    public List<Shown> press(long user, String label) {
        return send(user, new Event(user, user, null, null, buttonData(user, label), null, lang));
    }

    /** The data of the button with this label among the last replies this user saw (to press it later). */
    public String buttonData(long user, String label) {
        String data = lastButtons.getOrDefault(user, Map.of()).get(label);
        if (data == null) {
            throw new AssertionError("no button '" + label + "' was shown; saw " + lastButtons.get(user));
        }
        return data;
    }

    /** Sends raw button data, as a forged or stale button would. */
    public List<Shown> pressData(long user, String data) {
        return send(user, new Event(user, user, null, null, data, null, lang));
    }

    @Override
    public List<Shown> location(long user, double latitude, double longitude) {
        return send(user, new Event(user, user, null, null, null, new Event.Location(latitude, longitude), lang));
    }

    private List<Shown> send(long user, Event event) {
        List<Reply> replies = coach.conversation().handle(event);
        Map<String, String> buttons = new LinkedHashMap<>();
        List<Shown> shown = new ArrayList<>();
        for (Reply r : replies) {
            List<String> labels = new ArrayList<>();
            for (List<Button> row : r.buttons()) {
                for (Button b : row) {
                    labels.add(b.label());
                    buttons.put(b.label(), b.data());
                }
            }
            // a file shows as the console prints it: its caption, then a line naming the file
            String text = r.hasDocument() ? r.plainText() + "\n📎 " + r.document().fileName() : r.plainText();
            shown.add(new Shown(text, labels));
        }
        if (!buttons.isEmpty()) {
            lastButtons.put(user, buttons);
        }
        return shown;
    }

    @Override
    public void advance(java.time.Duration d) {
        clock.advance(d);
    }

    @Override
    public void restart() {
        coach.close();
        coach = TestCoach.start(dataDir, clock);
    }

    @Override
    public void close() {
        coach.close();
    }
}
