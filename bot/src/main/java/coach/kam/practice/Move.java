package coach.kam.practice;

import java.util.Optional;

/** The moves of a good answer to an objection, in the order a rep usually makes them. */
public enum Move {
    ACKNOWLEDGE("a", "acknowledge"), ASK("q", "ask"), VALUE("v", "value"), NEXT("n", "next");

    private final String code;
    private final String key;

    Move(String code, String key) {
        this.code = code;
        this.key = key;
    }

    /** One letter, as the labelled answers and stored stats write it. */
    public String code() {
        return code;
    }

    /** The key in the cue file and in message keys ("practice.move.ask"). */
    public String key() {
        return key;
    }

    public static Optional<Move> ofCode(String code) {
        for (Move m : values()) {
            if (m.code.equals(code) || m.key.equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
