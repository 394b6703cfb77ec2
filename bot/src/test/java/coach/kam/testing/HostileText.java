package coach.kam.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Text a rep (or a stuck key, or a paste) can send that is hard on parsers: long repetitions of a
 * word, of one character, of punctuation or of white space, emoji, and random Unicode, up to
 * Telegram's 4,096 characters. {@link #check} runs a parser over all of it on a thread with a small
 * stack, so a regular expression that recurses once per character fails here with a
 * StackOverflowError, and one that backtracks super-linearly fails the time limit.
 */
public final class HostileText {
    /** Telegram's longest text message. */
    public static final int TELEGRAM_LIMIT = 4096;
    /** The stack of the thread the parsers run on: a quarter of a common default. */
    static final long STACK = 256 * 1024;
    /** Far more than any linear reading of 4,096 characters needs, even on a busy machine. */
    static final long MILLIS_PER_TEXT = 2_000;
    /** How long all texts together may take before the run counts as stuck. */
    static final long MILLIS_IN_ALL = 120_000;

    private static final List<String> UNITS = List.of("ok ", "哈", "(", "价格太贵 ", "a,", "1 ", "提醒我", "明天",
            "okay, ", "so ", "「", "\"", "?", "!", "<", "1,", "和", " and ", "周", "下下", "1点", "👍", "👍🏽", "😀a",
            "\u200B", "客户说", "he said ", "-", "->");
    private static final List<String> BLANKS = List.of(" ", "\t", "\n", "\u000B", "\u3000", " \t\n", "\r\n");
    private static final List<Integer> COUNTS = List.of(300, 500, 1365);

    private HostileText() {
    }

    /** Every hostile text by a short name that says how it was made. */
    public static Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String unit : UNITS) {
            for (int n : COUNTS) {
                out.put(show(unit) + " x" + n, cap(unit.repeat(n)));
            }
            out.put(show(unit) + " to 4096", fill(unit));
        }
        for (String blank : BLANKS) {
            String run = fill(blank);
            out.put(show(blank) + " to 4096", run);
            out.put("a" + show(blank) + "...b", cap("a" + run) + "b");
            out.put("1" + show(blank) + "...x", cap("1" + run) + "x");
            out.put("ok" + show(blank) + "...?", cap("ok" + run) + "?");
        }
        // the words that start a time, a reminder or a command, then a long run of something else
        for (String head : List.of("提醒我", "remind me ", "明天", "tomorrow ", "in 1 ", "30", "下周", "/o ", "客户说", "ok ")) {
            for (String tail : List.of(" ", "哈", "(", "1 ", "ok ", "!")) {
                out.put(show(head) + " then " + show(tail), cap(head + fill(tail)));
            }
        }
        out.put("the reported bug: ok x500", "ok ".repeat(500));
        out.put("money digits then tabs", cap("1,".repeat(1000) + "\t".repeat(2000)) + "x");
        out.put("quote, then no closing quote", cap("“" + "哈".repeat(TELEGRAM_LIMIT)));
        out.put("dots", fill("."));
        Random random = new Random(20_260_101);
        for (int i = 0; i < 6; i++) {
            out.put("random unicode " + i, randomText(random, i % 2 == 0 ? 1365 : TELEGRAM_LIMIT));
        }
        return out;
    }

    /**
     * Runs {@code parse} over every hostile text on a small-stack thread and fails, listing them,
     * for the texts that threw, took too long or gave a result {@code sane} rejects.
     */
    public static <T> void check(String what, Function<String, T> parse, Predicate<T> sane) {
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicReference<String> current = new AtomicReference<>();
        Runnable all = () -> all().forEach((name, text) -> {
            current.set(name);
            long start = System.nanoTime();
            try {
                T result = parse.apply(text);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis > MILLIS_PER_TEXT) {
                    failures.add(name + ": took " + millis + " ms");
                } else if (!sane.test(result)) {
                    failures.add(name + ": odd result " + result);
                }
            } catch (Throwable t) {
                failures.add(name + ": " + t);
            }
        });
        Thread thread = new Thread(null, all, "small", STACK);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(MILLIS_IN_ALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(!thread.isAlive(), what + " is stuck on " + current.get() + "; failed before: " + failures);
        assertTrue(failures.isEmpty(), what + " failed on " + failures.size() + " hostile texts:\n"
                + String.join("\n", failures));
    }

    /** What {@code work} returns when run on a thread with the small stack; what it throws fails the test. */
    public static <T> T onSmallStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small", STACK);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(MILLIS_IN_ALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(!thread.isAlive(), "stuck");
        if (thrown.get() != null) {
            throw new AssertionError(thrown.get());
        }
        return result.get();
    }

    /** {@code unit} repeated to exactly the Telegram limit (or one short, not to split an emoji). */
    static String fill(String unit) {
        return cap(unit.repeat(TELEGRAM_LIMIT / unit.length() + 1));
    }

    /** At most the Telegram limit, cut between code points. */
    static String cap(String s) {
        if (s.length() <= TELEGRAM_LIMIT) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(TELEGRAM_LIMIT - 1)) ? TELEGRAM_LIMIT - 1 : TELEGRAM_LIMIT;
        return s.substring(0, cut);
    }

    /** Code points from all planes, lone surrogates and controls included, with spaces now and then. */
    static String randomText(Random random, int chars) {
        StringBuilder out = new StringBuilder(chars + 2);
        while (out.length() < chars) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                out.append(' ');
            } else if (kind < 4) {
                out.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
            } else if (kind < 6) {
                out.append((char) random.nextInt(0x80));
            } else if (kind < 9) {
                out.append((char) random.nextInt(0x10000));
            } else {
                out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
            }
        }
        return cap(out.toString());
    }

    private static String show(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\u000B", "\\v").replace("\u3000", "\\u3000").replace("\u200B", "\\u200B") + "\"";
    }
}
