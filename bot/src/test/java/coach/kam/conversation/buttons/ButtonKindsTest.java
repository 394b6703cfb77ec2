package coach.kam.conversation.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Button;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every kind of button encodes, fits 64 bytes and decodes back; anything else decodes to empty. */
class ButtonKindsTest {
    private static final long ID = 999_999_999_999_999_999L;
    private static final String LONGEST_OBJECTION = "x".repeat(ObjectionButtons.MAX_ID);

    /** The longest realistic press of each kind (largest ids, longest names), and a short one. */
    static List<Object[]> samples() {
        List<Object[]> s = new ArrayList<>();
        for (Kind<AccountButtons.Pick> k : List.of(AccountButtons.OPEN, AccountButtons.RENAME, AccountButtons.DELETE,
                AccountButtons.DELETE_YES, AccountButtons.BRIEF, AccountButtons.EXPORT)) {
            s.add(new Object[] {k, new AccountButtons.Pick(ID), new AccountButtons.Pick(1)});
        }
        s.add(new Object[] {AccountButtons.CLOSE, new AccountButtons.Plain(), new AccountButtons.Plain()});
        s.add(new Object[] {AccountButtons.DELETE_NO, new AccountButtons.Plain(), new AccountButtons.Plain()});
        s.add(new Object[] {AccountButtons.NOTES, new AccountButtons.NotesPage(ID, 9999), new AccountButtons.NotesPage(3, 0)});
        s.add(new Object[] {NoteButtons.VIEW, new NoteButtons.View(ID, ID, 9999), new NoteButtons.View(1, 2, 0)});
        for (Kind<NoteButtons.At> k : List.of(NoteButtons.EDIT, NoteButtons.DELETE, NoteButtons.DELETE_YES,
                NoteButtons.ANSWER, NoteButtons.OFFER_MOVE, NoteButtons.AS_VISIT, NoteButtons.UNDO)) {
            s.add(new Object[] {k, new NoteButtons.At(ID, ID), new NoteButtons.At(1, 2)});
        }
        s.add(new Object[] {NoteButtons.DELETE_NO, new AccountButtons.Plain(), new AccountButtons.Plain()});
        s.add(new Object[] {NoteButtons.MOVE, new NoteButtons.Move(ID, ID, ID), new NoteButtons.Move(1, 2, 3)});
        s.add(new Object[] {NoteButtons.TOGGLE, new NoteButtons.Change(ID), new NoteButtons.Change(7)});
        s.add(new Object[] {NoteButtons.SAVE, new NoteButtons.Pending(ID), new NoteButtons.Pending(7)});
        s.add(new Object[] {ObjectionButtons.SHOW, new ObjectionButtons.Show(LONGEST_OBJECTION, "zh"),
            new ObjectionButtons.Show("price-too-high", null)});
        for (Kind<ObjectionButtons.Script> k : List.of(ObjectionButtons.ANOTHER, ObjectionButtons.OTHER_LANGUAGE)) {
            s.add(new Object[] {k, new ObjectionButtons.Script(LONGEST_OBJECTION, "en", 9),
                new ObjectionButtons.Script("no-budget", "zh", 0)});
        }
        s.add(new Object[] {ObjectionButtons.FEEDBACK, new ObjectionButtons.Feedback(LONGEST_OBJECTION, "en", 9, true),
            new ObjectionButtons.Feedback("no-budget", "zh", 0, false)});
        s.add(new Object[] {ObjectionButtons.NEW, new ObjectionButtons.NewPhrase("ffffffff"),
            new ObjectionButtons.NewPhrase("1a")});
        s.add(new Object[] {ObjectionButtons.LOG, new ObjectionButtons.Log(LONGEST_OBJECTION, 9),
            new ObjectionButtons.Log("no-budget", null)});
        s.add(new Object[] {ObjectionButtons.LOG_TO, new ObjectionButtons.LogTo(LONGEST_OBJECTION, ID, 9),
            new ObjectionButtons.LogTo("no-budget", 4, null)});
        s.addAll(MoreSamples.samples());
        return s;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void everyKindRoundTripsAndItsLongestDataFits64Bytes() {
        for (Object[] sample : samples()) {
            Kind kind = (Kind) sample[0];
            for (int i = 1; i < sample.length; i++) {
                String data = kind.encode(sample[i]);
                assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES, data);
                assertEquals(Optional.of(sample[i]), kind.decode(data), data);
                assertTrue(data.equals(kind.prefix()) || data.startsWith(kind.prefix() + ":"), data);
            }
        }
    }

    @Test
    void everyKindInTheCatalogueHasASample() {
        List<String> sampled = samples().stream().map(s -> ((Kind<?>) s[0]).prefix()).toList();
        for (Kind<?> k : ButtonCatalogue.ALL) {
            assertTrue(sampled.contains(k.prefix()), "no sample for " + k);
        }
        assertEquals(ButtonCatalogue.ALL.size(), ButtonCatalogue.ALL.stream().map(Kind::prefix).distinct().count(),
                "a prefix declared twice");
    }

    @Test
    void theDataOfBeforeDecodesAsBefore() {
        assertEquals(Optional.of(new AccountButtons.Pick(12)), AccountButtons.OPEN.decode("acc:12"));
        assertEquals(Optional.of(new NoteButtons.View(12, 340, 2)), NoteButtons.VIEW.decode("nv:12:340:2"));
        assertEquals("nv:12:340:2", NoteButtons.VIEW.encode(new NoteButtons.View(12, 340, 2)));
        assertEquals("notes:12", AccountButtons.NOTES.encode(new AccountButtons.NotesPage(12, 0)));
        assertEquals(Optional.of(new AccountButtons.NotesPage(12, 0)), AccountButtons.NOTES.decode("notes:12:0"));
        assertEquals("ofb:no-budget:zh:1:0",
                ObjectionButtons.FEEDBACK.encode(new ObjectionButtons.Feedback("no-budget", "zh", 1, false)));
        assertEquals(Optional.of(new ObjectionButtons.Log("no-budget", null)), ObjectionButtons.LOG.decode("olog:no-budget"));
        assertEquals("close", AccountButtons.CLOSE.encode(new AccountButtons.Plain()));
    }

    @Test
    void checkinReminderTeamAndWalkthroughDataIsAsBefore() {
        CheckinButtons.Answer progress = new CheckinButtons.Answer("p", 12, "2026-W49");
        assertEquals("ci:p:12:2026-W49", CheckinButtons.ANSWER.encode(progress));
        assertEquals(Optional.of(new CheckinButtons.Answer("s1", 12, "2026-W49")), CheckinButtons.ANSWER.decode("ci:s1:12:2026-W49"));
        assertEquals("cis:d", CheckinButtons.TIME.encode(new CheckinButtons.Time(null, null)));
        assertEquals("cis:d:5", CheckinButtons.TIME.encode(new CheckinButtons.Time(5, null)));
        assertEquals(Optional.of(new CheckinButtons.Time(5, java.time.LocalTime.of(17, 0))), CheckinButtons.TIME.decode("cis:t:5:1700"));
        assertEquals("rem:1w:340", CheckinButtons.REMINDER.encode(new CheckinButtons.Reminder("1w", 340)));
        assertEquals(Optional.of(new CheckinButtons.Reminder("x", 340)), CheckinButtons.REMINDER.decode("rem:x:340"));
        assertEquals("tm:y:777", CheckinButtons.INVITATION.encode(new CheckinButtons.Invitation(true, 777)));
        assertEquals(Optional.of(new CheckinButtons.Invitation(false, 777)), CheckinButtons.INVITATION.decode("tm:n:777"));
        assertEquals("walk:profile:12", WalkButtons.START.encode(new WalkButtons.Start("profile", 12)));
        assertEquals(Optional.of(new WalkButtons.Resume(31)), WalkButtons.RESUME.decode("resume:31"));
        // what the check-in's and the reminder's questions kept before, in dialogs still open
        assertEquals(Optional.of(new CheckinButtons.Waiting(12, "2026-W49", null)), CheckinButtons.WAITING.decodeFields("12:2026-W49"));
        assertEquals(Optional.of(new CheckinButtons.Waiting(12, "2026-W49", java.time.LocalDate.of(2026, 12, 10))),
                CheckinButtons.WAITING.decodeFields("12:2026-W49:2026-12-10"));
        assertEquals("12:2026-W49:2026-12-10", CheckinButtons.WAITING.fieldsOf(
                new CheckinButtons.Waiting(12, "2026-W49", java.time.LocalDate.of(2026, 12, 10))));
        assertEquals(Optional.of(new CheckinButtons.Due(0, 1_764_230_400L)), CheckinButtons.DUE.decodeFields("0:1764230400"));
        for (String bad : List.of("ci:p:12:2026-49", "ci:q:12:2026-W49", "ci:p:12:2026-Wxx", "cis:t:5", "cis:t:5:+900",
                "cis:t:5:2500", "cis:d:8", "cis:d:5:0900", "rem:2d:3", "tm:maybe:1", "walk:profile", "resume:x")) {
            Kind<?> kind = ButtonCatalogue.ALL.stream().filter(k -> k.matches(bad)).findFirst().orElseThrow();
            assertEquals(Optional.empty(), kind.decode(bad), bad);
        }
        assertEquals(Optional.empty(), CheckinButtons.WAITING.decodeFields("12:2026-W49:2026-13-40"));
        assertEquals(Optional.empty(), CheckinButtons.DUE.decodeFields("0:9999999999999"));
    }

    @Test
    void encodingRefusesASeparatorInAFieldAndDataOver64Bytes() {
        assertThrows(IllegalArgumentException.class,
                () -> ObjectionButtons.SHOW.encode(new ObjectionButtons.Show("a:b", "zh")));
        assertThrows(IllegalArgumentException.class,
                () -> ObjectionButtons.SHOW.encode(new ObjectionButtons.Show("价".repeat(30), "zh")));
        assertThrows(IllegalArgumentException.class,
                () -> ObjectionButtons.SHOW.encode(new ObjectionButtons.Show("", "zh")));
    }

    @Test
    void malformedForgedAndOverLongDataDecodesToEmpty() {
        List<String> bad = List.of("acc", "acc:", "acc:-1", "acc:12:3", "acc:1x", "acc:" + "9".repeat(19), "accx:12",
                "acc:12 ", "nv:12", "nv:12:340:99999", "nv:12:340:-2", "notes:12:x", "ofb:no-budget:fr:1:0",
                "ofb:no-budget:zh:1:2", "close:1", "ob::zh", "acc:" + "1".repeat(70), "ut:１２", "nmt:1:2");
        for (Object[] sample : samples()) {
            Kind<?> kind = (Kind<?>) sample[0];
            for (String data : bad) {
                if (!data.startsWith(kind.prefix() + ":") && !data.equals(kind.prefix())) {
                    assertEquals(Optional.empty(), kind.decode(data), kind + " " + data);
                }
            }
            assertEquals(Optional.empty(), kind.decode(kind.prefix() + ":\u0000"), kind.toString());
            assertEquals(Optional.empty(), kind.decode(kind.prefix() + ": "), kind.toString());
        }
        for (String data : bad) {
            Kind<?> kind = samples().stream().map(s -> (Kind<?>) s[0]).filter(k -> k.matches(data)).findFirst().orElse(null);
            if (kind != null) {
                assertEquals(Optional.empty(), kind.decode(data), data);
            }
        }
    }

    @Test
    void randomDataNeverThrows() {
        Random random = new Random(42);
        for (Object[] sample : samples()) {
            Kind<?> kind = (Kind<?>) sample[0];
            for (int i = 0; i < 300; i++) {
                byte[] bytes = new byte[random.nextInt(80)];
                random.nextBytes(bytes);
                String tail = new String(bytes, StandardCharsets.UTF_8);
                kind.decode(kind.prefix() + ":" + tail);
                kind.decode(tail);
                StringBuilder digits = new StringBuilder(kind.prefix());
                for (int f = random.nextInt(6); f > 0; f--) {
                    digits.append(':').append(random.nextBoolean() ? "-" : "").append(random.nextLong());
                }
                kind.decode(digits.toString());
            }
        }
        assertEquals(Optional.empty(), AccountButtons.OPEN.decode(null));
    }
}
