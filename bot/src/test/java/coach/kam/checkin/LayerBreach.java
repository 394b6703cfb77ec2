package coach.kam.checkin;

import coach.kam.conversation.Turn;

/** A service class that takes a chat turn: the architecture test must reject it (it lives only in tests). */
final class LayerBreach {
    private LayerBreach() {
    }

    static long who(Turn turn) {
        return turn.userId();
    }
}
