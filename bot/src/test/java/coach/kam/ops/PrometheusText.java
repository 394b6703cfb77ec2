package coach.kam.ops;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every line
 * is a HELP or TYPE comment, or a sample {@code name{label="value",...} number}; a sample's family
 * must have been typed before it, and a name is typed once. Throws on anything else.
 */
public final class PrometheusText {
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PrometheusText() {
    }

    /** Every sample, by its name and labels as written ({@code name{a="b"}}), to its value. */
    public static Map<String, Double> parse(String text) {
        Map<String, String> typed = new HashMap<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                check(parts.length == 2 && validName(parts[0]) && TYPES.contains(parts[1]), n, line);
                check(typed.put(parts[0], parts[1]) == null, n, "typed twice: " + line);
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String name = line.substring(7).split(" ", 2)[0];
                check(validName(name), n, line);
                continue;
            }
            check(!line.startsWith("#"), n, line);
            int brace = line.indexOf('{');
            int space = brace >= 0 ? line.indexOf(' ', line.indexOf('}')) : line.indexOf(' ');
            check(space > 0, n, line);
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            check(validName(name), n, line);
            if (brace >= 0) {
                checkLabels(line.substring(brace + 1, line.indexOf('}')), n, line);
            }
            check(typed.containsKey(name) || typed.containsKey(family(name)), n, "sample before its TYPE: " + line);
            String[] value = line.substring(space + 1).split(" ");
            check(value.length <= 2, n, line);
            samples.put(line.substring(0, space), number(value[0], n, line));
        }
        return samples;
    }

    private static String family(String name) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_total", "_created"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static void checkLabels(String labels, int n, String line) {
        int i = 0;
        while (i < labels.length()) {
            int eq = labels.indexOf("=\"", i);
            check(eq > i && validName(labels.substring(i, eq)), n, line);
            int j = eq + 2;
            while (j < labels.length() && labels.charAt(j) != '"') {
                j += labels.charAt(j) == '\\' ? 2 : 1;
            }
            check(j < labels.length(), n, line);
            i = j + 1;
            if (i < labels.length()) {
                check(labels.charAt(i) == ',', n, line);
                i++;
            }
        }
    }

    private static double number(String s, int n, String line) {
        switch (s) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new AssertionError("line " + n + ": not a number: " + line);
                }
        }
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    private static void check(boolean ok, int n, String line) {
        if (!ok) {
            throw new AssertionError("line " + n + " is not Prometheus text: " + line);
        }
    }
}
