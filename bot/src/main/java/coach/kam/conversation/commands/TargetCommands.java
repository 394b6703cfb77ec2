package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.deals.Forecast;
import coach.kam.targets.Targets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * /target: "/target 2000万" sets this year's sales and doubles them as the target ("/target 2000万
 * 4500万" names the target); "/target 九州通: 300万 600万" does the same for an account. With no
 * arguments it shows the gap, which accounts' targets fill it and the share still unplaced.
 */
public final class TargetCommands {
    private static final int MAX_LISTED = 10;
    private final Accounts accounts;
    private final Targets targets;
    private final Function<String, Optional<BigDecimal>> money;
    private final AccountPicker picker;

    public TargetCommands(Accounts accounts, Targets targets, Function<String, Optional<BigDecimal>> money) {
        this.accounts = accounts;
        this.targets = targets;
        this.money = money;
        this.picker = new AccountPicker(accounts);
    }

    public void register(Conversation.Builder b) {
        b.command("target", this::target);
        b.waitingFor("target-account",
                (turn, typed, amounts) -> picker.typedWhileKeeping(turn, typed, "target-account", amounts, this::forAccount),
                (turn, accountId, amounts) -> picker.owned().account(turn, accountId)
                        .ifPresent(a -> forAccount(turn, a, amounts)));
    }

    private void target(Turn turn, String args) {
        String line = args.strip();
        if (line.isEmpty()) {
            show(turn);
            return;
        }
        int colon = Math.max(line.indexOf(':'), line.indexOf('：'));
        if (colon > 0) {
            picker.pickKeeping(turn, line.substring(0, colon).strip(), "target-account", line.substring(colon + 1),
                    AccountPicker.Purpose.OPEN, this::forAccount);
            return;
        }
        List<BigDecimal> amounts = amounts(line);
        if (amounts.isEmpty()) {
            turn.say(turn.t("target.usage"));
            return;
        }
        targets.setRep(turn.tx(), turn.userId(), amounts.get(0), amounts.size() > 1 ? amounts.get(1) : null, turn.now());
        show(turn);
    }

    private void forAccount(Turn turn, Account a, String text) {
        List<BigDecimal> amounts = amounts(text);
        if (amounts.isEmpty()) {
            turn.say(turn.t("target.usage"));
            return;
        }
        Targets.Target t = targets.setAccount(turn.tx(), turn.userId(), a.id(), amounts.get(0),
                amounts.size() > 1 ? amounts.get(1) : null, turn.now());
        turn.say(turn.t("target.account.set", Html.escape(a.name()), money(turn, t.current()), money(turn, t.target()))
                + "\n\n" + plan(turn).orElse(turn.t("target.rep.missing")));
    }

    /** The amounts in the text, in order; words that are not amounts ("→", "to", "目标") are passed over. */
    private List<BigDecimal> amounts(String text) {
        List<BigDecimal> out = new ArrayList<>();
        String capped = text.length() > 200 ? text.substring(0, 200) : text;
        for (String w : capped.split("[\\s\u3000,，→>]+")) {
            String word = w.replace("元", "");
            if (!word.isEmpty() && word.chars().anyMatch(Character::isDigit)) {
                money.apply(word).filter(v -> v.signum() >= 0).ifPresent(out::add);
            }
            if (out.size() == 2) {
                break;
            }
        }
        return out;
    }

    private void show(Turn turn) {
        plan(turn).ifPresentOrElse(p -> turn.say(p, List.of(List.of(ChartCommands.button(turn, "t")))),
                () -> turn.say(turn.t("target.usage")));
    }

    private Optional<String> plan(Turn turn) {
        Optional<Targets.Plan> found = targets.plan(turn.tx(), turn.userId(),
                id -> accounts.get(turn.tx(), turn.userId(), id).isPresent());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Targets.Plan p = found.get();
        StringBuilder s = new StringBuilder(turn.t("target.rep", money(turn, p.rep().current()), money(turn, p.rep().target()),
                money(turn, p.gap())));
        if (p.accounts().isEmpty()) {
            s.append("\n").append(turn.t("target.accounts.none"));
        } else {
            s.append("\n\n").append(turn.t("target.accounts", money(turn, p.planned())));
            for (Map.Entry<Long, Targets.Target> e : p.accounts().subList(0, Math.min(MAX_LISTED, p.accounts().size()))) {
                String name = accounts.get(turn.tx(), turn.userId(), e.getKey()).map(Account::name).orElse("—");
                Targets.Target t = e.getValue();
                s.append("\n• ").append(Html.escape(name)).append(": ").append(money(turn, t.current())).append(" → ")
                        .append(money(turn, t.target())).append(" (+").append(money(turn, t.growth())).append(')');
            }
        }
        if (p.gap().signum() > 0) {
            s.append("\n\n").append(p.unplanned().signum() > 0
                    ? turn.t("target.unplanned", money(turn, p.unplanned()), p.unplannedPercent())
                    : turn.t("target.covered"));
        }
        return Optional.of(s.toString());
    }

    private static String money(Turn turn, BigDecimal a) {
        return a.signum() < 0 ? "-" + Forecast.amount(a.negate(), turn.lang()) : Forecast.amount(a, turn.lang());
    }
}
