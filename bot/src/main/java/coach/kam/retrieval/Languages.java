package coach.kam.retrieval;

/** The language of a short text: any Chinese character makes it Chinese ("JBP怎么做" is a Chinese question). */
public final class Languages {
    private Languages() {
    }

    public static String detect(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return "zh";
            }
            i += Character.charCount(cp);
        }
        return "en";
    }
}
