package coach.kam.export;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.flows.AccountFacts;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.store.Tx;
import java.nio.charset.Charset;
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
    private static final Set<String> CLASSES = Set.of("A", "B", "C", "D");

    private CsvImport() {
    }

    /** One good row: the account's name, its class and a note, either may be empty. */
    public record Row(int line, String name, String accountClass, String note) {
    }

    /** A row that will not be imported, with its spreadsheet row number and a message key and argument. */
    public record Problem(int line, String reason, String detail) {
    }

    /**
     * What an import would do; kept in the store between the dry run and the confirmation, and after
     * it with {@code applied} set, so a second press says it was done. {@code updated} counts the
     * accounts the import changes; rows that change nothing (a file imported again) are not counted.
     */
    public record Plan(long id, String fileName, String encoding, List<Row> rows, List<Problem> problems,
                       int created, int updated, Instant at, List<String> names, boolean applied) {
        public Plan withApplied() {
            return new Plan(id, fileName, encoding, rows, problems, created, updated, at, names, true);
        }

        /** The first ten names the import creates (marked "+") or changes. */
        public List<String> names() {
            return names == null ? List.of() : names;
        }
    }

    private static final int NAMES_SHOWN = 10;
    private static final int TITLE_ROWS = 10;

    /** The text of a CSV file and its encoding (see {@link CsvText}: UTF-8, GBK or Windows-1252). */
    public static Decoded decode(byte[] bytes) {
        return CsvText.decode(bytes);
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
        List<String> first = null;
        int firstAt = 0;
        int looked = 0;
        while (header == null && records.hasNext()) {
            List<String> rec = records.next();
            line++;
            if (!CsvRows.isBlank(rec)) {
                if (first == null) {
                    first = rec;
                    firstAt = line;
                }
                // a title row or two above the header ("客户清单 2026") is passed over
                if (CsvRows.nameColumn(rec) >= 0) {
                    header = rec;
                } else if (++looked >= TITLE_ROWS || !records.hasNext()) {
                    problems.add(new Problem(firstAt, "import.problem.no.name.column", String.join(", ", first)));
                    return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now, List.of(), false);
                }
            } else if (++blank > MAX_BLANK_LINES) {
                problems.add(new Problem(line, "import.problem.too.many.blank", Integer.toString(MAX_BLANK_LINES)));
                return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now, List.of(), false);
            }
        }
        if (header == null && first != null) {
            problems.add(new Problem(firstAt, "import.problem.no.name.column", String.join(", ", first)));
            return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now, List.of(), false);
        }
        if (header == null) {
            problems.add(new Problem(1, "import.problem.empty", ""));
            return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now, List.of(), false);
        }
        int headerAt = line - 1;
        int nameCol = -1;
        int classCol = -1;
        int noteCol = -1;
        boolean ownExport = header.stream().anyMatch(h -> CsvRows.EXPORT_ONLY.contains(CsvRows.headerKey(h)));
        for (int i = 0; i < header.size(); i++) {
            String h = CsvRows.HEADERS.get(CsvRows.headerKey(header.get(i)));
            if (ownExport && "note".equals(h) && !"note".equals(CsvRows.headerKey(header.get(i)))) {
                // the bot's own export: its "notes" column is a count, not a note
                continue;
            }
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
            return new Plan(id, fileName, d.encoding(), rows, problems, 0, 0, now, List.of(), false);
        }
        java.util.Map<String, Account> existing = new java.util.HashMap<>();
        accounts.list(tx, userId).forEach(a -> existing.put(sameName(a.name()), a));
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<Long, Set<String>> texts = new java.util.HashMap<>();
        int created = 0;
        int updated = 0;
        int read = 0;
        while (records.hasNext()) {
            List<String> rec = records.next();
            line++;
            if (CsvRows.isBlank(rec)) {
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
            Optional<Problem> unreadable = CsvRows.unreadable(line, rec, d.encoding());
            if (unreadable.isPresent()) {
                problems.add(unreadable.get());
                continue;
            }
            String raw = CsvRows.cell(rec, nameCol);
            if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
                // a name never spans lines: a quote that does not close took the rows after it
                problems.add(new Problem(line, "import.problem.quote", ""));
                continue;
            }
            if (CsvRows.invisible(raw)) {
                problems.add(new Problem(line, "import.problem.invisible", CsvRows.visible(raw)));
                continue;
            }
            String name = raw.strip().replaceAll("\\s+", " ");
            String cls = CsvRows.cell(rec, classCol).strip().toUpperCase(Locale.ROOT);
            String note = CsvRows.cell(rec, noteCol).strip();
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
            Account there = existing.get(key);
            boolean fresh = there == null && seen.add(key);
            boolean changed = there != null && changes(tx, accounts, there, cls, note, texts) && seen.add(key);
            if (fresh) {
                created++;
            } else if (changed) {
                updated++;
            }
            if ((fresh || changed) && names.size() < NAMES_SHOWN) {
                names.add((fresh ? "+ " : "~ ") + name);
            }
            rows.add(new Row(line, name, cls, note));
        }
        return new Plan(id, fileName, d.encoding(), rows, problems, created, updated, now, names, false);
    }

    /** Whether a row changes an account that is there: a class it does not have, or a note it does not hold. */
    private static boolean changes(Tx tx, Accounts accounts, Account a, String cls, String note,
                                   Map<Long, Set<String>> texts) {
        if (!cls.isEmpty() && !cls.equals(FACTS.classification(tx, a).map(AccountFacts.Classification::accountClass)
                .orElse(""))) {
            return true;
        }
        return !note.isEmpty() && !texts.computeIfAbsent(a.id(), id -> noteTexts(tx, accounts, a)).contains(note);
    }

    /** The texts of an account's notes, read once per import to tell a row's note that is there already. */
    static Set<String> noteTexts(Tx tx, Accounts accounts, Account a) {
        Set<String> all = new HashSet<>();
        accounts.notes(tx, a).forEach(n -> all.add(n.text()));
        return all;
    }

    private static final AccountFacts FACTS = new AccountFacts();

    /** As {@link Accounts#sameName} compares names. */
    static String sameName(String name) {
        return Accounts.nameKey(name);
    }

    /** What applying a plan did. */
    public record Applied(int created, int updated) {
    }

    /** Creates or updates the plan's accounts in the caller's transaction. */
    public static Applied apply(Tx tx, Accounts accounts, AccountFacts facts, KnowledgeBase knowledge, long userId,
                                Plan plan, Instant now) {
        ImportApplier applier = new ImportApplier(accounts, facts, knowledge, userId, now);
        applier.apply(tx, plan.rows());
        return applier.applied();
    }
}
