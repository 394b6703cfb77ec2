package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.Note;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.Flow;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Tx;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts from a spreadsheet's CSV, created or updated by name. Reading gives a plan (what
 * would happen, row by row, with the rows in error and why); applying runs the plan's good rows
 * in the caller's transaction, so an import is whole or not at all. A bad row never stops the
 * good ones.
 *
 * <p>Columns (by header, any order, case and spacing ignored; others are ignored):
 * {@code name} (名称, 客户, 客户名称; required), {@code class} (分类, 客户分类; A, B, C or D), {@code note}
 * (备注; added to the account as a note).
 */
public final class CsvImport {
    public static final Charset GBK = Charset.forName("GBK");
    /** Largest file read: a spreadsheet of thousands of accounts is far smaller. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Rows read from one file (good or in error); blank lines are counted apart, see {@link #MAX_BLANK_LINES}. */
    public static final int MAX_ROWS = 5_000;
    /** Blank lines read from one file (a spreadsheet saves its empty rows too) before reading stops. */
    public static final int MAX_BLANK_LINES = 10_000;
    public static final List<String> TEMPLATE_COLUMNS = List.of("name", "class", "note");
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("account", "name"), Map.entry("account name", "name"),
            Map.entry("名称", "name"), Map.entry("客户", "name"), Map.entry("客户名称", "name"), Map.entry("客户名", "name"),
            Map.entry("class", "class"), Map.entry("分类", "class"), Map.entry("客户分类", "class"), Map.entry("类别", "class"),
            Map.entry("note", "note"), Map.entry("notes", "note"), Map.entry("备注", "note"), Map.entry("笔记", "note"));
    private static final Set<String> CLASSES = Set.of("A", "B", "C", "D");

    private CsvImport() {
    }

    /** One good row: the account's name, its class and a note, either may be empty. */
    public record Row(int line, String name, String accountClass, String note) {
    }

    /** A row that will not be imported, with its spreadsheet row number and a message key and argument. */
    public record Problem(int line, String reason, String detail) {
    }

    /** What an import would do; kept in the store between the dry run and the confirmation. */
    public record Plan(long id, String fileName, String encoding, List<Row> rows, List<Problem> problems,
                       int created, int updated, Instant at) {
    }

    /** The text of a CSV file: a byte-order mark means UTF-8, valid UTF-8 is UTF-8, anything else is read as GBK. */
    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, GBK), "GBK");
        }
    }

    public record Decoded(String text, String encoding) {
    }

    /**
     * Reads the file and plans the import against the rep's accounts as they are now. Reading stops
     * at {@value #MAX_ROWS} rows (good or not) and at {@value #MAX_BLANK_LINES} blank lines, each
     * reported as a problem at the row where it stopped; the records after it are never built.
     */
    public static Plan plan(Tx tx, Accounts accounts, long userId, long id, String fileName, byte[] bytes, Instant now) {
        Decoded d = decode(bytes);
        Iterator<List<String>> records = Csv.records(d.text());
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int line = 0;
        int blank = 0;
        List<String> header = null;
        while (header == null && records.hasNext()) {
            List<String> rec = records.next();
            line++;
            if (!isBlank(rec)) {
                header = rec;
            } else if (++blank > MAX_BLANK_LINES) {
                problems.add(new Problem(line, "import.problem.too.many.blank", Integer.toString(MAX_BLANK_LINES)));
                return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now);
            }
        }
        if (header == null) {
            problems.add(new Problem(1, "import.problem.empty", ""));
            return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now);
        }
        int headerAt = line - 1;
        int nameCol = -1;
        int classCol = -1;
        int noteCol = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = HEADERS.get(header.get(i).strip().toLowerCase(Locale.ROOT).replace('_', ' '));
            if ("name".equals(h) && nameCol < 0) {
                nameCol = i;
            } else if ("class".equals(h) && classCol < 0) {
                classCol = i;
            } else if ("note".equals(h) && noteCol < 0) {
                noteCol = i;
            }
        }
        if (nameCol < 0) {
            problems.add(new Problem(headerAt + 1, "import.problem.no.name.column", String.join(", ", header)));
            return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now);
        }
        Set<String> existing = new HashSet<>();
        accounts.list(tx, userId).forEach(a -> existing.add(sameName(a.name())));
        Set<String> seen = new HashSet<>();
        int created = 0;
        int updated = 0;
        int read = 0;
        while (records.hasNext()) {
            List<String> rec = records.next();
            line++;
            if (isBlank(rec)) {
                if (++blank > MAX_BLANK_LINES) {
                    problems.add(new Problem(line, "import.problem.too.many.blank", Integer.toString(MAX_BLANK_LINES)));
                    break;
                }
                continue;
            }
            if (++read > MAX_ROWS) {
                problems.add(new Problem(line, "import.problem.too.many", Integer.toString(MAX_ROWS)));
                break;
            }
            String name = cell(rec, nameCol).strip().replaceAll("\\s+", " ");
            String cls = cell(rec, classCol).strip().toUpperCase(Locale.ROOT);
            String note = cell(rec, noteCol).strip();
            if (name.isEmpty()) {
                problems.add(new Problem(line, "import.problem.no.name", ""));
                continue;
            }
            if (name.length() > Accounts.MAX_NAME_LENGTH) {
                problems.add(new Problem(line, "import.problem.long.name", Integer.toString(Accounts.MAX_NAME_LENGTH)));
                continue;
            }
            if (!cls.isEmpty() && !CLASSES.contains(cls)) {
                problems.add(new Problem(line, "import.problem.class", cls));
                continue;
            }
            if (note.length() > Accounts.MAX_NOTE_LENGTH) {
                problems.add(new Problem(line, "import.problem.long.note", Integer.toString(Accounts.MAX_NOTE_LENGTH)));
                continue;
            }
            String key = sameName(name);
            if (existing.contains(key) || !seen.add(key)) {
                updated++;
            } else {
                created++;
            }
            rows.add(new Row(line, name, cls, note));
        }
        return new Plan(id, fileName, d.encoding(), rows, problems, created, updated, now);
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** As {@link Accounts#sameName} compares names. */
    static String sameName(String name) {
        return Accounts.nameKey(name);
    }

    private static String cell(List<String> rec, int col) {
        return col < 0 || col >= rec.size() ? "" : rec.get(col);
    }

    /** What applying a plan did. */
    public record Applied(int created, int updated) {
    }

    /** Creates or updates the plan's accounts in the caller's transaction. */
    public static Applied apply(Tx tx, Accounts accounts, AccountFacts facts, KnowledgeBase knowledge, long userId,
                                Plan plan, Instant now) {
        int created = 0;
        int updated = 0;
        Optional<Flow.Classification> classes = knowledge.flow("classify").map(Flow::classification);
        for (Row row : plan.rows()) {
            Optional<Account> same = accounts.sameName(tx, userId, row.name());
            Account a;
            if (same.isPresent()) {
                a = same.get();
                updated++;
            } else {
                a = accounts.create(tx, userId, row.name(), now);
                created++;
            }
            if (!row.accountClass().isEmpty()) {
                Optional<Flow.AccountClass> c = classes.flatMap(x -> x.accountClass(row.accountClass()));
                if (c.isPresent()) {
                    facts.putClassification(tx, a, new AccountFacts.Classification(c.get().id(), c.get().visitEveryDays(),
                            c.get().reviewEveryDays(), now));
                }
            }
            if (!row.note().isEmpty()) {
                accounts.addNote(tx, a, Note.text(a.id(), row.note(), now));
            }
        }
        return new Applied(created, updated);
    }
}
