package coach.kam.when;

/** Thrown while reading a time phrase that is recognised but cannot be turned into one instant. */
final class Unsure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String reasonKey;

    private Unsure(String reasonKey) {
        super(reasonKey, null, false, false);
        this.reasonKey = reasonKey;
    }

    static Unsure ambiguous() {
        return new Unsure("ambiguous");
    }

    static Unsure invalid() {
        return new Unsure("invalid");
    }

    static Unsure past() {
        return new Unsure("past");
    }
}
