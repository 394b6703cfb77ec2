package coach.kam.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.CommandWords;
import coach.kam.conversation.commands.ZoneNames;
import coach.kam.flows.Dates;
import coach.kam.testing.HostileText;
import coach.kam.when.WhenParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The readers of free text a rep types, over {@link HostileText}: long repetitions ("ok " 1,365
 * times, 哈哈哈…, "((((", "价格太贵 价格太贵 …"), white space runs, emoji and random Unicode up to
 * Telegram's 4,096 characters, on a thread with a small stack. None may throw (a regular
 * expression that recurses per character overflows the stack), take long (one that backtracks
 * super-linearly) or give a result that makes no sense.
 */
class HostileTextTest {
    private static final List<String> COMMANDS = List.of("o", "objection", "account", "remind", "help", "note", "ask");
    private static final Set<String> UNCLEAR = Set.of("ambiguous", "invalid", "past");

    @Test
    void theIntentReaderReadsEveryText() {
        HostileText.check("IntentReader.read", IntentReader::read, r -> r != null && r.intent() != null
                && r.customerWords() != null && Double.isFinite(r.note() + r.question() + r.customer()));
    }

    @Test
    void okRepeatedIsANoteAndAQuestionAfterManyFillersIsStillOne() {
        assertEquals(Intent.NOTE, HostileText.onSmallStack(() -> IntentReader.read("ok ".repeat(1365))).intent());
        Reading asked = HostileText.onSmallStack(() -> IntentReader.read("ok ".repeat(150) + "how do I handle a price objection"));
        assertEquals(Intent.QUESTION, asked.intent());
        Reading longQuestion = HostileText.onSmallStack(() -> IntentReader.read("客户说" + "哈".repeat(4000) + "怎么办？"));
        assertTrue(longQuestion.signals().contains("ends with a question mark"), longQuestion.signals().toString());
    }

    @Test
    void aLongReminderKeepsItsWholeText() {
        WhenParser when = new WhenParser(Clock.fixed(Instant.parse("2026-11-29T12:15:00Z"), ZoneOffset.UTC));
        String what = "拜访王总 " + "哈".repeat(4000);
        WhenParser.Result r = HostileText.onSmallStack(() -> when.parse("明天10点 " + what, ZoneId.of("Asia/Shanghai")));
        WhenParser.Parsed parsed = assertInstanceOf(WhenParser.Parsed.class, r);
        assertEquals("明天10点", parsed.phrase());
        assertEquals(what, parsed.rest());
    }

    @Test
    void theReminderTimeParserReadsEveryText() {
        WhenParser when = new WhenParser(Clock.fixed(Instant.parse("2026-11-29T12:15:00Z"), ZoneOffset.UTC));
        for (ZoneId zone : List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Paris"))) {
            HostileText.check("WhenParser.parse in " + zone, text -> when.parse(text, zone), r -> {
                if (r instanceof WhenParser.Parsed p) {
                    return p.at() != null && p.phrase().length() < 400 && p.rest() != null;
                }
                return r instanceof WhenParser.NotFound || r instanceof WhenParser.Unclear u && UNCLEAR.contains(u.reasonKey());
            });
        }
    }

    @Test
    void theWholeLineReminderReaderReadsEveryText() {
        WhenParser when = new WhenParser(Clock.fixed(Instant.parse("2026-11-29T12:15:00Z"), ZoneOffset.UTC));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        HostileText.check("WhenParser.line", text -> when.line(text, zone, java.time.LocalTime.of(9, 0)), r -> {
            if (r instanceof WhenParser.Parsed p) {
                return p.at() != null && p.phrase().length() < 400 && p.rest() != null;
            }
            return r instanceof WhenParser.NotFound || r instanceof WhenParser.Unclear u && UNCLEAR.contains(u.reasonKey());
        });
        HostileText.check("WhenParser.asksToRemind", text -> when.asksToRemind("提醒我" + text), b -> b);
        String what = "给王总打电话 " + "哈".repeat(4000);
        WhenParser.Parsed parsed = assertInstanceOf(WhenParser.Parsed.class,
                HostileText.onSmallStack(() -> when.line("明天下午三点提醒我" + what, zone, java.time.LocalTime.of(9, 0))));
        assertEquals(what.strip(), parsed.rest());
    }

    @Test
    void commandWordsSplitEveryText() {
        HostileText.check("CommandWords.parse", text -> CommandWords.parse("/" + text, COMMANDS),
                p -> p.name() != null && p.word() != null && p.args() != null);
        HostileText.check("CommandWords.visible", CommandWords::visible, v -> v != null);
        HostileText.check("CommandWords.nearest", text -> CommandWords.nearest(text, COMMANDS), n -> n != null);
    }

    @Test
    void datesAndZonesReadEveryText() {
        // "明天" followed by a run of blanks is still tomorrow; anything read must be a real, near day
        HostileText.check("Dates.parse", text -> Dates.parse(text, LocalDate.of(2026, 11, 29)),
                d -> d.isEmpty() || d.get().isAfter(LocalDate.of(2026, 11, 28)) && d.get().isBefore(LocalDate.of(2029, 1, 1)));
        HostileText.check("ZoneNames.parse", ZoneNames::parse, z -> z != null);
    }
}
