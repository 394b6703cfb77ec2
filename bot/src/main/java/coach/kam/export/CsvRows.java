package coach.kam.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading one row of an imported CSV: which header names a column (in Chinese or English), which
 * columns of the bot's own accounts.csv are computed and skipped, and whether a row's bytes,
 * quotes or name can be trusted.
 */
final class CsvRows {
    private CsvRows() {
    }

    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("account", "name"), Map.entry("account name", "name"),
            Map.entry("名称", "name"), Map.entry("客户", "name"), Map.entry("客户名称", "name"), Map.entry("客户名", "name"),
            Map.entry("class", "class"), Map.entry("分类", "class"), Map.entry("客户分类", "class"), Map.entry("类别", "class"),
            Map.entry("note", "note"), Map.entry("notes", "note"), Map.entry("备注", "note"), Map.entry("笔记", "note"));
    /** Columns of the bot's own accounts.csv that are counts or computed, never note text or names. */
    static final Set<String> EXPORT_ONLY = Set.of("tier", "score", "strategy", "last evaluated", "last contact",
            "visits", "objections", "plans", "created", "account id", "owner id");
    static String headerKey(String h) {
        return h.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static int nameColumn(List<String> rec) {
        for (int i = 0; i < rec.size(); i++) {
            if ("name".equals(HEADERS.get(headerKey(rec.get(i))))) {
                return i;
            }
        }
        return -1;
    }

    /** A row whose bytes or quotes cannot be trusted (see {@link CsvText}, {@link Csv#UNBALANCED}). */
    static Optional<CsvImport.Problem> unreadable(int line, List<String> rec, String encoding) {
        for (String cell : rec) {
            if (cell.indexOf(CsvText.MIXED) >= 0) {
                return Optional.of(new CsvImport.Problem(line, "import.problem.mixed.encoding", encoding));
            }
            if (cell.indexOf(CsvText.INVALID) >= 0) {
                return Optional.of(new CsvImport.Problem(line, "import.problem.bad.bytes", encoding));
            }
            if (cell.indexOf(Csv.UNBALANCED) >= 0) {
                return Optional.of(new CsvImport.Problem(line, "import.problem.quote", ""));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a name holds characters that cannot be seen (zero-width spaces and joiners, the
     * byte-order mark, soft hyphens, direction marks, control characters): two names that differ only
     * by them look the same and would be two accounts.
     */
    static boolean invisible(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int type = Character.getType(c);
            if ((type == Character.CONTROL && c != ' ') || type == Character.FORMAT
                    || c == '\u00AD' || (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    /** The name with its invisible characters shown as their code ({@code <U+200B>}). */
    static String visible(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 80; i++) {
            char c = name.charAt(i);
            out.append(invisible(String.valueOf(c)) ? String.format("<U+%04X>", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    static String cell(List<String> rec, int col) {
        return col < 0 || col >= rec.size() ? "" : rec.get(col);
    }
}
