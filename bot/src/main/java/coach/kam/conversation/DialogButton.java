package coach.kam.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data of a button that answers a dialog: "d:&lt;run&gt;:&lt;seq&gt;:&lt;op&gt;[:&lt;arg&gt;]". The run id and
 * the move number travel with the press, so a press on a button of an older step, or of a dialog
 * that has ended, is recognised and changes nothing.
 *
 * @param op what the press means to the dialog: "c" choose, "m" toggle one of several, "ok" done,
 *           "back", "skip", "x" cancel, "e" edit an answer, "fin" finish, "st" a stance
 */
public record DialogButton(long run, int seq, String op, String arg) {
    static final String PREFIX = "d:";
    private static final Pattern FORM = Pattern.compile("d:(\\d{1,15}):(\\d{1,6}):([a-z]{1,5})(?::(.{1,40}))?");

    public String encode() {
        return PREFIX + run + ":" + seq + ":" + op + (arg == null ? "" : ":" + arg);
    }

    public Button button(String label) {
        return new Button(label, encode());
    }

    public static boolean isDialogData(String data) {
        return data != null && data.startsWith(PREFIX);
    }

    /** Empty when the data is not a well-formed dialog press (forged or garbled). */
    public static Optional<DialogButton> decode(String data) {
        Matcher m = FORM.matcher(data == null ? "" : data);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DialogButton(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                m.group(4)));
    }
}
