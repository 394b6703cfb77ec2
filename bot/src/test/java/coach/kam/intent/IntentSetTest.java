package coach.kam.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The intent reader on a labelled set of lines reps type with an account open (notes, questions,
 * customer's words; zh and en; dictated run-ons), with its accuracy per language and per class.
 *
 * <p>Floors: 90% overall and 85% in each language and class. A misread is not lost input: a
 * question read as a note is saved and offered as "answer it", a note read as a question is
 * answered and offered as "save as a note", and customer's words read as a note are still saved.
 * Below 90% overall, about one line in ten takes a second tap, which is the most we accept for a
 * rep typing between visits.
 */
class IntentSetTest {
    static final Path SET = Path.of("src/test/resources/intent/intent-set.tsv");
    /** Lines written after the reader was tuned, never used to tune it; reported, with the same overall floor. */
    static final Path HOLDOUT = Path.of("src/test/resources/intent/intent-holdout.tsv");
    static final double FLOOR = 0.90;
    static final double FLOOR_PER_GROUP = 0.85;

    record Line(Intent label, String lang, String text) {
    }

    static List<Line> lines(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] p = l.split("\t", 3);
            Intent label = switch (p[0]) {
                case "note" -> Intent.NOTE;
                case "question" -> Intent.QUESTION;
                case "customer" -> Intent.CUSTOMER_WORDS;
                default -> throw new IllegalStateException("unknown label " + p[0] + " in: " + l);
            };
            out.add(new Line(label, p[1], p[2]));
        }
        return out;
    }

    @Test
    void readsTheLabelledSetWellEnough() throws IOException {
        List<Line> lines = lines(SET);
        assertTrue(lines.size() >= 150, "the set has only " + lines.size() + " lines");
        measure("intent set", lines, FLOOR_PER_GROUP);
    }

    @Test
    void readsLinesItWasNotTunedOn() throws IOException {
        measure("intent hold-out", lines(HOLDOUT), 0);
    }

    private static void measure(String name, List<Line> lines, double floorPerGroup) {
        Map<String, int[]> groups = new TreeMap<>();
        List<String> misread = new ArrayList<>();
        int unsure = 0;
        for (Line l : lines) {
            Reading r = IntentReader.read(l.text());
            boolean right = r.intent() == l.label();
            unsure += r.sure() ? 0 : 1;
            for (String g : List.of("all", "lang " + l.lang(), "class " + l.label(), l.lang() + " " + l.label())) {
                int[] c = groups.computeIfAbsent(g, k -> new int[2]);
                c[0] += right ? 1 : 0;
                c[1]++;
            }
            if (!right) {
                misread.add(l.label() + " read as " + r.intent() + (r.sure() ? "" : " (unsure)") + ": " + l.text()
                        + " " + r.signals());
            }
        }
        StringBuilder table = new StringBuilder(name + " (" + lines.size() + " lines), accuracy:\n");
        groups.forEach((g, c) -> table.append(String.format(Locale.ROOT, "  %-26s %5.1f%%  (%d/%d)%n", g,
                100.0 * c[0] / c[1], c[0], c[1])));
        table.append("  unsure readings: ").append(unsure).append('\n');
        misread.forEach(m -> table.append("  ✗ ").append(m).append('\n'));
        System.out.println(table);
        groups.forEach((g, c) -> {
            double rate = (double) c[0] / c[1];
            double floor = g.equals("all") ? FLOOR : floorPerGroup;
            assertTrue(rate >= floor, String.format(Locale.ROOT, "%s: %.3f under %.2f%n%s", g, rate, floor, table));
        });
    }

    @Test
    void explainsItsReading() {
        Reading r = IntentReader.read("客户说太贵了，下周再谈");
        assertEquals(Intent.CUSTOMER_WORDS, r.intent());
        assertTrue(r.signals().contains("reported speech"), r.signals().toString());
        assertEquals("太贵了，下周再谈", r.customerWords());
        assertEquals(Intent.QUESTION, IntentReader.read("客户画像要包含哪些信息？").intent());
        assertEquals(Intent.NOTE, IntentReader.read("采购经理换人了,新经理姓王,下周二拜访").intent());
        assertEquals(Intent.CUSTOMER_WORDS, IntentReader.read("客户问能不能再便宜点").intent());
        assertEquals(Intent.QUESTION, IntentReader.read("how do I prepare for a visit?").intent());
    }
}
