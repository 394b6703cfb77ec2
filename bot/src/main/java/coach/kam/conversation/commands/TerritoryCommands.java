package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.WorkButtons;
import coach.kam.knowledge.Checklist;
import coach.kam.territory.Territory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * /territory (or /market): the rep's accounts on the market-planning patterns in one view, with
 * their tiers and classes per pattern and those not placed yet; "/territory 九州通 大本营" places one,
 * and "place the rest" asks account by account with a button per pattern.
 */
public final class TerritoryCommands {
    private static final int MAX_NAMES = 8;
    private final Accounts accounts;
    private final Owned owned;
    private final Territory territory;
    private final AccountOverview overview;

    public TerritoryCommands(Accounts accounts, Territory territory, AccountOverview overview) {
        this.accounts = accounts;
        this.owned = new Owned(accounts);
        this.territory = territory;
        this.overview = overview;
    }

    public void register(Conversation.Builder b) {
        b.command("territory", this::command);
        b.command("market", this::command);
        b.button(WorkButtons.TERRITORY, this::pressed);
    }

    private void command(Turn turn, String args) {
        String line = args.strip();
        if (!line.isEmpty()) {
            Optional<Checklist.Part> pattern = Optional.empty();
            String named = "";
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            for (Checklist.Part p : territory.patterns()) {
                for (String label : p.label().values()) {
                    if (lower.endsWith(label.toLowerCase(java.util.Locale.ROOT)) && line.length() > label.length()) {
                        pattern = Optional.of(p);
                        named = line.substring(0, line.length() - label.length()).strip();
                    }
                }
            }
            List<Account> found = named.isEmpty() ? List.of() : accounts.find(turn.tx(), turn.userId(), named);
            if (pattern.isPresent() && found.size() == 1) {
                territory.place(turn.tx(), turn.userId(), found.get(0).id(), pattern.get().id(), turn.now());
                turn.say(turn.t("territory.placed", Html.escape(found.get(0).name()), pattern.get().label(turn.lang()),
                        Html.escape(pattern.get().why(turn.lang()))));
                return;
            }
            turn.say(turn.t("territory.usage"));
            return;
        }
        view(turn);
    }

    private void view(Turn turn) {
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        if (all.isEmpty()) {
            turn.say(turn.t("accounts.none"));
            return;
        }
        Map<String, List<Account>> byPattern = new LinkedHashMap<>();
        territory.patterns().forEach(p -> byPattern.put(p.id(), new ArrayList<>()));
        List<Account> unplaced = new ArrayList<>();
        for (Account a : all) {
            territory.of(turn.tx(), turn.userId(), a.id()).ifPresentOrElse(
                    p -> byPattern.get(p.pattern()).add(a), () -> unplaced.add(a));
        }
        StringBuilder s = new StringBuilder(turn.t("territory.title", all.size()));
        for (Checklist.Part p : territory.patterns()) {
            List<Account> here = byPattern.get(p.id());
            s.append("\n\n<b>").append(Html.escape(p.label(turn.lang()))).append("</b> · ").append(here.size());
            if (!here.isEmpty()) {
                s.append(" · ").append(mix(turn, here)).append('\n').append(names(here));
            }
        }
        List<List<Button>> rows = new ArrayList<>();
        if (!unplaced.isEmpty()) {
            s.append("\n\n").append(turn.t("territory.unplaced", unplaced.size())).append('\n').append(names(unplaced));
            rows.add(List.of(WorkButtons.TERRITORY.button(turn.t("territory.btn.place"), WorkButtons.Step.of("n"))));
        }
        turn.say(s.toString(), rows);
    }

    /** "🏅A 2 · 🗂1 1": tiers and classes of the accounts on one pattern. */
    private String mix(Turn turn, List<Account> list) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Account a : list) {
            counts.merge(overview.tierOrClass(turn, a), 1, Integer::sum);
        }
        return String.join(" · ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String names(List<Account> list) {
        String shown = String.join("、", list.subList(0, Math.min(MAX_NAMES, list.size())).stream()
                .map(a -> Html.escape(a.name())).toList());
        return list.size() > MAX_NAMES ? shown + " …" : shown;
    }

    /** tr:n asks about the next unplaced account; tr:p:ACCOUNT:PATTERN places it; tr:s:ACCOUNT skips it for now. */
    private void pressed(Turn turn, WorkButtons.Step step) {
        if (step.op().equals("p") && step.id() != null && step.n() != null) {
            Optional<Account> a = step.n() < territory.patterns().size() ? owned.account(turn, step.id())
                    : Optional.empty();
            if (a.isEmpty()) {
                if (step.n() >= territory.patterns().size()) {
                    turn.say(turn.t("accounts.gone"));
                }
                return;
            }
            Checklist.Part p = territory.patterns().get(step.n());
            territory.place(turn.tx(), turn.userId(), a.get().id(), p.id(), turn.now());
            turn.say(turn.t("territory.placed", Html.escape(a.get().name()), p.label(turn.lang()), Html.escape(p.why(turn.lang()))));
            askNext(turn, a.get().id());
        } else if (step.op().equals("s") && step.id() != null && step.n() == null) {
            askNext(turn, step.id());
        } else if (step.op().equals("n") && step.id() == null) {
            askNext(turn, -1);
        } else {
            turn.say(turn.t("button.unknown"));
        }
    }

    /** Asks about the first unplaced account after {@code afterId} (in list order); the view when none is left. */
    private void askNext(Turn turn, long afterId) {
        List<Account> all = accounts.list(turn.tx(), turn.userId());
        boolean past = afterId < 0;
        for (Account a : all) {
            if (past && territory.of(turn.tx(), turn.userId(), a.id()).isEmpty()) {
                List<List<Button>> rows = new ArrayList<>();
                StringBuilder text = new StringBuilder(turn.t("territory.ask", Html.escape(a.name())));
                List<Button> row = new ArrayList<>();
                for (int i = 0; i < territory.patterns().size(); i++) {
                    Checklist.Part p = territory.patterns().get(i);
                    text.append("\n• <b>").append(Html.escape(p.label(turn.lang()))).append("</b>: ")
                            .append(Html.escape(p.why(turn.lang())));
                    row.add(WorkButtons.TERRITORY.button(p.label(turn.lang()), new WorkButtons.Step("p", a.id(), i)));
                    if (row.size() == 2) {
                        rows.add(row);
                        row = new ArrayList<>();
                    }
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                }
                rows.add(List.of(WorkButtons.TERRITORY.button(turn.t("territory.btn.skip"), WorkButtons.Step.of("s", a.id()))));
                turn.say(text.toString(), rows);
                return;
            }
            past = past || a.id() == afterId;
        }
        view(turn);
    }
}
