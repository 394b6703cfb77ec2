package coach.kam.testing;

import java.util.List;

/** Talks to KAM Coach the way one adapter does, so that the same transcript runs on each. */
public interface ChatDriver extends AutoCloseable {

    /**
     * What one reply showed: its text as a person reads it, and its buttons' labels. A file (a
     * document or a chart) shows its caption, then "📎 " and its file name (the console: its path).
     */
    record Shown(String text, List<String> buttons) {
    }

    List<Shown> type(long user, String text);

    /** Presses the button with this label among the last replies this user saw. */
    List<Shown> press(long user, String label);

    List<Shown> location(long user, double latitude, double longitude);

    /** Moves the program's clock on, as if the rep put the phone away for a while. */
    void advance(java.time.Duration d);

    /** Stops and starts the program on the same data, as after a crash or a deploy. */
    void restart();

    @Override
    void close();
}
