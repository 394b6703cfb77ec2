package coach.kam.when;

/** A part of the day; turns a 12-hour clock hour into a 24-hour one and gives the hour used when none is said. */
enum Period {
    EARLY(-1), MORNING(9), NOON(12), AFTERNOON(15), EVENING(20);

    /** The hour meant when only the period is said, or -1 when there is no sensible one. */
    final int defaultHour;

    Period(int defaultHour) {
        this.defaultHour = defaultHour;
    }

    int toHour(int h) {
        return switch (this) {
            case EARLY -> h == 12 ? 0 : within(h, 0, 6);
            case MORNING -> within(h, 0, 12);
            case NOON -> h <= 3 ? h + 12 : within(h, 11, 14);
            case AFTERNOON -> h < 12 ? h + 12 : within(h, 12, 23);
            case EVENING -> h == 12 ? ambiguous() : h < 12 ? h + 12 : within(h, 13, 23);
        };
    }

    private static int within(int h, int low, int high) {
        if (h < low || h > high) {
            throw Unsure.invalid();
        }
        return h;
    }

    private static int ambiguous() {
        throw Unsure.ambiguous();
    }
}
