package coach.kam.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal on an account: what is sold, for how much, at which stage, when it should close and the
 * next step. {@code status} is OPEN until it is won or lost, with the rep's one-line reason.
 */
public record Deal(long id, long ownerId, long accountId, String title, BigDecimal amount, String stage,
                   LocalDate close, String next, Status status, String reason, Instant created, Instant changed) {

    public enum Status { OPEN, WON, LOST }

    public boolean open() {
        return status == Status.OPEN;
    }

    Deal with(String newStage, Status newStatus, String newReason, Instant at) {
        return new Deal(id, ownerId, accountId, title, amount, newStage, close, next, newStatus, newReason, created, at);
    }

    Deal edited(String newTitle, BigDecimal newAmount, LocalDate newClose, String newNext, Instant at) {
        return new Deal(id, ownerId, accountId, newTitle, newAmount, stage, newClose, newNext, status, reason, created, at);
    }
}
