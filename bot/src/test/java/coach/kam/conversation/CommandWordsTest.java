package coach.kam.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandWordsTest {
    private static final Set<String> KNOWN = Set.of("o", "objection", "note", "notes", "account", "accounts", "new",
            "help", "undo", "cancel");

    private static CommandWords.Parsed parse(String text) {
        return CommandWords.parse(text, KNOWN);
    }

    @Test
    void theLongestKnownCommandIsTakenWhenNoSpaceFollows() {
        assertEquals(new CommandWords.Parsed("o", "o", "太贵了"), parse("/o太贵了"));
        assertEquals(new CommandWords.Parsed("objection", "objection", "太贵了"), parse("/objection太贵了"));
        assertEquals(new CommandWords.Parsed("account", "account", "华东医药集团"), parse("/account华东医药集团"));
        assertEquals(new CommandWords.Parsed("notes", "notes", "华润"), parse("/notes华润"));
        assertEquals("note", parse("/note华润: 谈妥了").name());
    }

    @Test
    void lettersAfterACommandMakeAnotherWord() {
        assertEquals("ofoo", parse("/ofoo").name());
        assertEquals("notesglobex", parse("/notesglobex").name());
    }

    @Test
    void fullWidthSlashBotNameAndInvisibleArguments() {
        assertTrue(CommandWords.isCommand("／help"));
        assertEquals("help", parse("／help").name());
        assertEquals(new CommandWords.Parsed("o", "o", "too expensive"), parse("/o@kam_coach_bot too expensive"));
        assertEquals("", parse("/o \u200B\u200B").args());
        assertEquals("华东", parse("/account\u3000华东").args());
        assertEquals("acme: 👨\u200D👩\u200D👧 family firm", parse("/note acme: 👨\u200D👩\u200D👧 family firm").args());
    }

    @Test
    void invisibleOnly() {
        assertTrue(CommandWords.invisibleOnly(" \u200B\u200C\u200D\u2060\uFEFF "));
        assertFalse(CommandWords.invisibleOnly("👨\u200D👩"));
    }

    @Test
    void nearestCommandForASlip() {
        assertEquals(Optional.of("account"), CommandWords.nearest("acount", KNOWN));
        assertEquals(Optional.of("notes"), CommandWords.nearest("ntoes", KNOWN));
        assertEquals(Optional.of("undo"), CommandWords.nearest("udno", KNOWN));
        assertEquals(Optional.empty(), CommandWords.nearest("frobnicate", KNOWN));
        assertEquals(Optional.empty(), CommandWords.nearest("x", KNOWN));
    }
}
