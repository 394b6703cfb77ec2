package coach.kam.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** RFC 4180 CSV: commas, double quotes around fields that need them, CRLF between records. */
public final class Csv {
    /**
     * Put at the start of a field whose quotes do not balance: a quote opened and never closed
     * (the field ran to the end of the file, taking the rows after it), or text after a closing
     * quote. A noncharacter, so it never comes from a file.
     */
    public static final char UNBALANCED = '\uFDD2';

    private Csv() {
    }

    /**
     * One field. A field that a spreadsheet would run as a formula (starting with =, +, - or @) gets
     * a leading apostrophe, which spreadsheets hide and {@link #parse} removes again.
     */
    public static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /**
     * Records of a CSV text: quoted fields may hold commas, quotes and line breaks. Commas,
     * semicolons or tabs separate fields, whichever the header line uses most (a spreadsheet in a
     * European locale saves with semicolons). Blank lines are kept as empty records so row numbers
     * stay those a spreadsheet shows.
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        records(text).forEachRemaining(rows::add);
        return rows;
    }

    /**
     * The records of {@link #parse}, one at a time as they are asked for: a reader that stops early
     * (at a row limit) never builds the records after it.
     */
    public static Iterator<List<String>> records(String text) {
        char sep = separator(text);
        return new Iterator<>() {
            private int pos;

            @Override
            public boolean hasNext() {
                return pos < text.length();
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<String> row = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                boolean wasQuoted = false;
                boolean broken = false;
                for (int i = pos; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (wasQuoted && !quoted && c != sep && c != '\r' && c != '\n') {
                        // text after the closing quote: the quotes of this field do not pair up
                        broken = true;
                    }
                    if (quoted) {
                        if (c == '"') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            field.append(c);
                        }
                    } else if (c == '"' && field.length() == 0) {
                        quoted = true;
                        wasQuoted = true;
                    } else if (c == sep) {
                        row.add(mark(unformula(field.toString(), wasQuoted), broken));
                        field.setLength(0);
                        wasQuoted = false;
                        broken = false;
                    } else if (c == '\r' || c == '\n') {
                        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                            i++;
                        }
                        row.add(mark(unformula(field.toString(), wasQuoted), broken));
                        pos = i + 1;
                        return row;
                    } else {
                        field.append(c);
                    }
                }
                // the last record, without a line break after it; a quote still open took the rest of the file
                row.add(mark(unformula(field.toString(), wasQuoted), broken || quoted));
                pos = text.length();
                return row;
            }
        };
    }

    private static String mark(String v, boolean broken) {
        return broken ? UNBALANCED + v : v;
    }

    private static String unformula(String v, boolean quoted) {
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            return v.substring(1);
        }
        return v;
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }
}
