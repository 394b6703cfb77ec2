package coach.kam.when;

import coach.kam.text.Head;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Reads the reminder time that starts a message, in Chinese or English: "明天10点 拜访王总",
 * "下周三下午两点", "30分钟后", "tomorrow at 9am call Li", "next Friday", "Dec 5 2pm".
 *
 * <p>Written here rather than taken from a library: the Java parsers on Maven Central read one
 * language only (natty and PrettyTime-NLP, which wraps natty, read English and natty is no longer
 * maintained; Time-NLP style ports read Chinese only and return {@code java.util.Date}), and none
 * says where the time phrase ends, which the reminder text needs.
 *
 * <p>Rules, all relative to the clock in the zone given, to the minute:
 * <ul>
 * <li>Only a day → 09:00. Only a time → its next occurrence (today, else tomorrow).
 * <li>A 12-hour time with no am/pm or period prefers daytime 8-20h: 3点 → 15:00, 9点 → 09:00,
 *     8点 → 08:00 or 20:00, whichever comes first.
 * <li>周五, Friday, this Friday, on Friday → the next Friday, today included while not passed.
 *     这周五/本周五 → this Monday-start week's Friday, "past" if gone. 下周三, next Wednesday →
 *     Wednesday of the following Mon-start week (said on Sunday 29 Nov: Wed 2 Dec).
 * <li>12月5日, Dec 5, 12/05 (month/day), 5号 → the next such day; a date with a year that has gone is "past".
 * <li>30分钟后, in 2 hours → now plus that; 3天后, in a week → that day at the current time unless a time follows.
 * <li>Unclear: a period with no day and no time (下午, evening; noon is a time), next/下周/下个月 without
 *     a day ("ambiguous"); impossible values, 32号, 25:00, 2月30日 ("invalid"); a named time that has
 *     gone, 今天下午4点 at 20:00, 2020-01-01 ("past").
 * </ul>
 */
public final class WhenParser {
    private static final String SEPARATORS = ",，:：;；、。.-—–~ \t\r\n\u3000";
    /**
     * How much of the text is scanned for the time. The time starts the message and takes a few
     * dozen characters at most; the rest of the text is the reminder, which is kept whole.
     */
    static final int READ_CHARS = 200;

    private final Clock clock;

    public WhenParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Parses the time at the START of text (e.g. "明天10点 拜访王总" or "tomorrow 9:00 call Li"). */
    public Result parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return new NotFound();
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        Scan scan = new Scan(Head.of(text, READ_CHARS));
        try {
            ZonedDateTime at = read(scan, now, Day.NINE);
            if (at == null) {
                return new NotFound();
            }
            return new Parsed(at, phrase(text, scan), rest(text.substring(scan.pos())));
        } catch (Unsure e) {
            return new Unclear(phrase(text, scan), e.reasonKey, "");
        }
    }

    /**
     * Reads a whole reminder line: "提醒我 / remind me" anywhere or not at all, the time phrase
     * before or after the task. Parsed.rest and Unclear.rest are the reminder's text, without the
     * marker and the time phrase. A deadline (月底前, by Friday, eod) reminds on its day at
     * {@code morning}, or at 16:00 on the day itself once the morning has passed.
     */
    public Result line(String text, ZoneId zone, LocalTime morning) {
        if (text == null || text.isBlank()) {
            return new NotFound();
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        LineReader.Span marker = Marker.find(Head.of(text, LineReader.READ_CHARS));
        LineReader.Found found = LineReader.find(LineReader.blanked(text, marker), now, morning);
        if (found == null) {
            return new NotFound();
        }
        String phrase = text.substring(found.span().start(), found.span().end()).strip();
        String rest = LineReader.rest(text, marker, found.span());
        return found.at() != null ? new Parsed(found.at(), phrase, rest, found.deadline())
                : new Unclear(phrase, found.reasonKey(), rest);
    }

    /**
     * Whether a line asks for a reminder: it holds "提醒我 / remind me", and either only polite words
     * come before it ("请提醒我…", "can you remind me…") or a time phrase does ("明天下午三点提醒我…").
     * "王总提醒我下周带样品" reports what someone said and is not a request.
     */
    public boolean asksToRemind(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        LineReader.Span marker = Marker.find(Head.of(text, LineReader.READ_CHARS));
        if (marker == null) {
            return false;
        }
        if (LineReader.onlyFillers(text, marker.start())) {
            return true;
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneId.of("UTC")).truncatedTo(ChronoUnit.MINUTES);
        LineReader.Found found = LineReader.find(LineReader.blanked(text, marker), now, Day.NINE);
        return found != null && found.span().start() < marker.start();
    }

    /** The line without its "提醒我 / remind me" and the polite words around it: the task alone. */
    public static String withoutMarker(String text) {
        if (text == null) {
            return "";
        }
        return LineReader.rest(text, Marker.find(Head.of(text, LineReader.READ_CHARS)), null);
    }

    /** Reads one time phrase at the scan's position; null when none starts there. */
    static ZonedDateTime read(Scan scan, ZonedDateTime now, LocalTime morning) {
        LocalDate deadline = Deadlines.read(scan, now.toLocalDate());
        if (deadline != null) {
            return withOptionalTime(scan, now, Day.fixed(deadline), morning);
        }
        int start = scan.pos();
        boolean by = Deadlines.byWord(scan);
        Offsets.Offset offset = by ? null : Offsets.read(scan, now);
        if (offset != null && offset.at() != null) {
            return offset.at();
        }
        Day day = offset != null ? offset.day() : Days.read(scan, now.toLocalDate());
        if (by && day == null) {
            scan.reset(start);
            return null;
        }
        if (day != null && day.period() == null && offset == null && (by || Deadlines.zhBefore(scan))) {
            return withOptionalTime(scan, now, day, morning);
        }
        Period period = day != null && day.period() != null ? day.period() : Times.period(scan);
        TimeOfDay time = Times.clock(scan);
        if (time != null && period == null) {
            period = Times.period(scan);
        }
        if (day == null && (time != null || period != null)) {
            day = EnglishDays.read(scan, now.toLocalDate());
            if (day != null && period == null) {
                period = Times.period(scan);
            }
        }
        if (day == null && period == null && time == null) {
            return null;
        }
        return Resolver.resolve(now, day, period, time);
    }

    /**
     * A deadline's day: at the time said after it ("by Friday 3pm"), else on its morning. A day that
     * rolls (15号, 12月5日) and has gone this time is its next occurrence.
     */
    private static ZonedDateTime withOptionalTime(Scan scan, ZonedDateTime now, Day said, LocalTime morning) {
        Day day = said.next() != null && said.date().isBefore(now.toLocalDate())
                ? Day.fixed(said.next().apply(said.date())) : said;
        int mark = scan.pos();
        Period period = Times.period(scan);
        TimeOfDay time = Times.clock(scan);
        if (time == null && period == null) {
            scan.reset(mark);
            scan.deadline = true;
            return Deadlines.resolve(now, day.date(), morning);
        }
        return Resolver.resolve(now, Day.fixed(day.date()), period, time);
    }

    private static String phrase(String text, Scan scan) {
        return text.substring(0, scan.pos()).strip();
    }

    private static String rest(String after) {
        int i = 0;
        while (i < after.length() && SEPARATORS.indexOf(after.charAt(i)) >= 0) {
            i++;
        }
        return after.substring(i).strip();
    }

    public sealed interface Result permits Parsed, Unclear, NotFound {
    }

    /**
     * at: the instant; rest: the remaining text after the time phrase, stripped; phrase: the matched
     * time words; deadline: the phrase was a deadline (周五前, by Friday), read at the morning hour given.
     */
    public record Parsed(ZonedDateTime at, String phrase, String rest, boolean deadline) implements Result {
        public Parsed(ZonedDateTime at, String phrase, String rest) {
            this(at, phrase, rest, false);
        }
    }

    /**
     * A time was recognised but is ambiguous or incomplete, e.g. "下午" with no day, "next" alone,
     * "32号", "25:00"; reasonKey is one of: "ambiguous", "invalid", "past". rest: for a whole
     * line, the reminder's text without the time phrase (empty from {@link #parse}).
     */
    public record Unclear(String phrase, String reasonKey, String rest) implements Result {
    }

    public record NotFound() implements Result {
    }
}
