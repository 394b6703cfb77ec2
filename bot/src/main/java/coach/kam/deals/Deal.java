package coach.kam.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal on an account: what is sold, for how much, at which stage, when it should close and the
 * next step with its date. {@code status} is OPEN until it is won or lost, with the rep's one-line
 * reason; a deal lost for a reason that reads as a known objection keeps that objection's id.
 */
public record Deal(long id, long ownerId, long accountId, String title, BigDecimal amount, String stage,
                   LocalDate close, String next, Status status, String reason, Instant created, Instant changed,
                   LocalDate nextDate, String objectionId) {

    public enum Status { OPEN, WON, LOST }

    public boolean open() {
        return status == Status.OPEN;
    }

    /**
     * Open and behind: its close date or its next step's date has passed. (A deal that only stayed
     * long at its stage is named by the pipeline, not marked late.)
     */
    public boolean late(LocalDate today) {
        return open() && (close != null && close.isBefore(today) || nextDate != null && nextDate.isBefore(today));
    }

    Deal with(String newStage, Status newStatus, String newReason, String newObjection, Instant at) {
        return new Deal(id, ownerId, accountId, title, amount, newStage, close, next, newStatus, newReason, created, at,
                nextDate, newObjection);
    }

    Deal edited(String newTitle, BigDecimal newAmount, LocalDate newClose, String newNext, Instant at) {
        return new Deal(id, ownerId, accountId, newTitle, newAmount, stage, newClose, newNext, status, reason, created, at,
                nextDate, objectionId);
    }

    Deal nextStep(String newNext, LocalDate newDate, Instant at) {
        return new Deal(id, ownerId, accountId, title, amount, stage, close, newNext, status, reason, created, at,
                newDate, objectionId);
    }
}
