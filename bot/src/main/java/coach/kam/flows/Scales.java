package coach.kam.flows;

/**
 * The two scales an account has, kept apart everywhere they are shown: the tier (🏅 A-D, from
 * /evaluate: what the account is worth to us and the strategy) and the class (🗂 1-4, from
 * /classify: its size and growth, which set how often to contact it). Classes are stored as A-D
 * (the flow file's ids and the CSV's class column) and shown as 1-4.
 */
public final class Scales {
    private static final String CLASS_IDS = "ABCD";

    private Scales() {
    }

    /** "A" to "1", ..., "D" to "4"; any other id as it is. */
    public static String classNumber(String classId) {
        int i = classId == null || classId.length() != 1 ? -1 : CLASS_IDS.indexOf(Character.toUpperCase(classId.charAt(0)));
        return i < 0 ? String.valueOf(classId) : Integer.toString(i + 1);
    }

    /** "🏅B" for a tier. */
    public static String tierMark(String tier) {
        return "🏅" + tier;
    }

    /** "🗂1" for a class id. */
    public static String classMark(String classId) {
        return "🗂" + classNumber(classId);
    }
}
