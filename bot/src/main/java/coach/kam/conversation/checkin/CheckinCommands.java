package coach.kam.conversation.checkin;

import coach.kam.checkin.CheckinStore;
import coach.kam.checkin.CheckinTimes;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.CheckinButtons;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /checkin (its answers are {@link CheckinAnswers}) and the check-in day and time in /settings:
 * day buttons, then time buttons, or a day and time typed ("周五下午5点", "Friday 5pm").
 */
public final class CheckinCommands {
    private static final List<LocalTime> TIMES = List.of(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0),
            LocalTime.of(13, 0), LocalTime.of(17, 0));
    private final CheckinText checkin;
    private final CheckinTimes times;

    CheckinCommands(CheckinText checkin, CheckinTimes times) {
        this.checkin = checkin;
        this.times = times;
    }

    public void register(Conversation.Builder b) {
        b.command("checkin", (turn, args) -> checkin.week(turn));
        b.button(CheckinButtons.TIME, this::settingsPressed);
        b.waitingFor("checkin-time", (turn, text, arg) -> timeTyped(turn, text, arg));
    }

    /** The check-in line and button of /settings. */
    public void settings(Turn turn) {
        CheckinStore.Prefs p = times.prefs(turn.tx(), turn.userId(), turn.zone(), turn.now());
        turn.say(turn.t("checkin.settings", dayName(turn, p.day()), p.time()),
                List.of(List.of(CheckinButtons.TIME.button(turn.t("checkin.btn.change"), new CheckinButtons.Time(null, null)))));
    }

    /** No day shows the days, a day alone the times for that day, a day and one of the times sets both. */
    private void settingsPressed(Turn turn, CheckinButtons.Time pressed) {
        if (pressed.time() != null) {
            if (TIMES.contains(pressed.time())) {
                set(turn, DayOfWeek.of(pressed.day()), pressed.time());
            } else {
                turn.say(turn.t("button.unknown"));
            }
            return;
        }
        // what is typed at the day buttons (no day yet) or at a day's time buttons is read as the answer
        turn.await("checkin-time", pressed.day() == null ? null : pressed.day().toString());
        if (pressed.day() == null) {
            List<List<Button>> rows = new ArrayList<>();
            List<Button> row = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                row.add(CheckinButtons.TIME.button(dayName(turn, d), new CheckinButtons.Time(d.getValue(), null)));
                if (row.size() == 4) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            }
            rows.add(row);
            turn.say(turn.t("checkin.ask.day"), rows);
        } else {
            List<Button> row = new ArrayList<>();
            TIMES.forEach(t -> row.add(CheckinButtons.TIME.button(t.toString(), new CheckinButtons.Time(pressed.day(), t))));
            turn.say(turn.t("checkin.ask.time"), List.of(row));
        }
    }

    /** A time typed at the time buttons of {@code day}, or (day null) a day and time typed at the day buttons. */
    private void timeTyped(Turn turn, String text, String day) {
        boolean atDays = day == null || !day.matches("[1-7]");
        Optional<DayOfWeek> typedDay = atDays ? typedDay(text) : Optional.of(DayOfWeek.of(Integer.parseInt(day)));
        Optional<LocalTime> typedTime = atDays ? typedTime(text) : clockTime(text);
        if (typedDay.isPresent() && typedTime.isPresent()) {
            set(turn, typedDay.get(), typedTime.get());
            return;
        }
        // "周五" alone asks its time; anything else is asked back, never filed as a note
        CheckinButtons.Time again = new CheckinButtons.Time(typedDay.map(DayOfWeek::getValue).orElse(null), null);
        if (!atDays || typedDay.isEmpty()) {
            turn.say(turn.t(atDays ? "checkin.bad.day" : "checkin.bad.time"));
        }
        settingsPressed(turn, again);
    }

    /** "17:00", "9", "9点30" at a day's time buttons. */
    private static Optional<LocalTime> clockTime(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,2})(?:[:：.点](\\d{2})?)?$")
                .matcher(text.strip().replace("分", ""));
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || (m.group(2) != null && Integer.parseInt(m.group(2)) > 59)) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    private void set(Turn turn, DayOfWeek day, LocalTime time) {
        CheckinStore.Prefs p = times.setWeekly(turn.tx(), turn.userId(), day, time, turn.zone(), turn.now());
        turn.say(turn.t("checkin.set", dayName(turn, p.day()), p.time(), ReminderCommands.when(turn, p.nextCheckin())));
    }

    private static final String ZH_DAYS = "一二三四五六日";
    private static final List<String> EN_DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** "周五", "星期五", "礼拜五", "fri", "Friday" (the first 40 characters are read). */
    static Optional<DayOfWeek> typedDay(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) : text;
        for (String mark : List.of("周", "星期", "礼拜")) {
            int at = t.indexOf(mark);
            if (at >= 0 && at + mark.length() < t.length()) {
                char c = t.charAt(at + mark.length());
                int i = c == '天' ? 6 : ZH_DAYS.indexOf(c);
                if (i >= 0) {
                    return Optional.of(DayOfWeek.of(i + 1));
                }
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[^a-z]+")) {
            int i = word.length() >= 3 ? EN_DAYS.indexOf(word.substring(0, 3)) : -1;
            if (i >= 0) {
                return Optional.of(DayOfWeek.of(i + 1));
            }
        }
        return Optional.empty();
    }

    /** "下午5点", "17:00", "5pm", "9点半" (the first 40 characters are read); empty when no hour is given. */
    static Optional<LocalTime> typedTime(String text) {
        String t = (text.length() > 40 ? text.substring(0, 40) : text).toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && !Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == t.length()) {
            return Optional.empty();
        }
        int hour = 0;
        int digits = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && digits < 2) {
            hour = hour * 10 + (t.charAt(i++) - '0');
            digits++;
        }
        int minute = 0;
        if (i + 2 < t.length() && (t.charAt(i) == ':' || t.charAt(i) == '：' || t.charAt(i) == '点')
                && Character.isDigit(t.charAt(i + 1)) && Character.isDigit(t.charAt(i + 2))) {
            minute = (t.charAt(i + 1) - '0') * 10 + (t.charAt(i + 2) - '0');
        } else if (t.indexOf("点半", i) == i) {
            minute = 30;
        }
        boolean afternoon = t.contains("下午") || t.contains("晚上") || t.contains("pm");
        if (afternoon && hour < 12) {
            hour += 12;
        }
        return hour > 23 || minute > 59 ? Optional.empty() : Optional.of(LocalTime.of(hour, minute));
    }

    static String dayName(Turn turn, DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, "zh".equals(turn.lang()) ? Locale.CHINESE : Locale.ENGLISH);
    }
}
