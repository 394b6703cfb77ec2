package coach.kam.text;

/**
 * The start of a text, for readers that only need its first characters (what a line means, the
 * time a reminder starts with): reading a whole 4,096-character message would only cost time.
 */
public final class Head {
    private Head() {
    }

    /** The first {@code maxChars} characters of {@code s}, one fewer rather than half an emoji; null stays null. */
    public static String of(String s, int maxChars) {
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        if (maxChars <= 0) {
            return "";
        }
        int cut = Character.isHighSurrogate(s.charAt(maxChars - 1)) && Character.isLowSurrogate(s.charAt(maxChars))
                ? maxChars - 1 : maxChars;
        return s.substring(0, cut);
    }
}
