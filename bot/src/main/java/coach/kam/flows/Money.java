package coach.kam.flows;

import java.math.BigDecimal;
import java.util.Optional;

/** Amounts as reps type them ("120万", "1.2m", "¥3,000,000"), read the way a walkthrough's money step reads them. */
public final class Money {
    private Money() {
    }

    /** The amount, or empty when the text is not one. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        AnswerParser.Result r = AnswerParser.money(text.strip());
        return r.ok() ? Optional.of(new BigDecimal(r.answer().value())) : Optional.empty();
    }
}
