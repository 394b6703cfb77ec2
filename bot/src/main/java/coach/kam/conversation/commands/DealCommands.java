package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.Owned;
import coach.kam.conversation.buttons.WorkButtons;
import coach.kam.deals.Deal;
import coach.kam.deals.DealLine;
import coach.kam.deals.Deals;
import coach.kam.deals.Stages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /deal and /deals: a deal typed on one line on an account ("/deal 九州通: 冷链二期 300万 方案阶段 3月底",
 * or "/deal ..." with the account open), shown as a card whose buttons move it a stage on, put it
 * at any stage, or close it as won or lost (which asks for a one-line reason).
 */
public final class DealCommands {
    private static final int MAX_LISTED = 20;
    private final Accounts accounts;
    private final Deals deals;
    private final Stages stages;
    private final AccountPicker picker;
    private final DealCard card;
    private final DealLine.Readers readers;

    public DealCommands(Accounts accounts, Deals deals, Stages stages, DealLine.Readers readers) {
        this.readers = readers;
        this.accounts = accounts;
        this.deals = deals;
        this.stages = stages;
        this.picker = new AccountPicker(accounts);
        this.card = new DealCard(accounts, stages);
    }

    /**
     * A loss's reason counts against an objection only when it is this near one of its phrasings:
     * above the matcher's own bar for what customers say, since a reason that is about something
     * else ("客户的仓库失火了", 0.71) is still fairly near some objection.
     */
    static final double LOSS_SIMILARITY = 0.72;
    private java.util.function.Function<String, Optional<String>> objectionOf = reason -> Optional.empty();

    /**
     * Reads a lost deal's reason with the objection matcher (only when its index is ready; a turn
     * never waits for it), so the loss counts against that objection.
     */
    public DealCommands matchingLosses(coach.kam.objections.ObjectionService objections) {
        this.objectionOf = reason -> reason == null || reason.isBlank() ? Optional.empty()
                : objections.lookupIfReady(reason).filter(l -> l.confident() && l.similarity() >= LOSS_SIMILARITY)
                        .map(l -> l.best().id());
        card.titlesFrom(objections);
        return this;
    }

    public void register(Conversation.Builder b) {
        b.command("deal", this::deal);
        b.command("deals", (turn, args) -> list(turn));
        b.waitingFor("deal-account",
                (turn, typed, line) -> picker.typedWhileKeeping(turn, typed, "deal-account", line, this::create),
                (turn, accountId, line) -> picker.owned().account(turn, accountId)
                        .ifPresent(a -> create(turn, a, line)));
        b.waitingFor("deal-won", (turn, text, id) -> closed(turn, id, true, text));
        b.waitingFor("deal-lost", (turn, text, id) -> closed(turn, id, false, text));
        b.waitingFor("deal-next", this::nextStep);
        b.button(WorkButtons.DEAL, this::pressed);
    }

    private void deal(Turn turn, String args) {
        String line = args.strip();
        int colon = firstColon(line);
        if (colon > 0) {
            String named = line.substring(0, colon).strip();
            String rest = line.substring(colon + 1).strip();
            if (!named.isEmpty()) {
                picker.pickKeeping(turn, named, "deal-account", rest, AccountPicker.Purpose.OPEN, this::create);
                return;
            }
        }
        Optional<Account> open = picker.open(turn);
        if (line.isEmpty()) {
            if (open.isPresent()) {
                listAccount(turn, open.get());
            } else {
                turn.say(turn.t("deal.usage"));
            }
            return;
        }
        if (open.isPresent()) {
            create(turn, open.get(), line);
        } else {
            picker.pickKeeping(turn, "", "deal-account", line, AccountPicker.Purpose.OPEN, this::create);
        }
    }

    private static int firstColon(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
        }
        return -1;
    }

    private void create(Turn turn, Account a, String line) {
        LocalDate today = turn.now().atZone(turn.zone()).toLocalDate();
        DealLine.Parsed p = DealLine.read(line, stages, today, readers);
        if (p.title().isBlank()) {
            turn.say(turn.t("deal.needs.title"));
            return;
        }
        Stages.Stage stage = p.stage() == null ? stages.first() : p.stage();
        Deal d = deals.create(turn.tx(), turn.userId(), a.id(), p.title(), p.amount(), stage.id(), p.close(), null,
                turn.now());
        turn.say(turn.t("deal.saved", Html.escape(a.name())) + "\n" + card.text(turn, d), card.buttons(turn, d));
    }

    private void listAccount(Turn turn, Account a) {
        List<Deal> theirs = deals.ofAccount(turn.tx(), turn.userId(), a.id());
        if (theirs.isEmpty()) {
            turn.say(turn.t("deal.none.account", Html.escape(a.name())));
            return;
        }
        say(turn, turn.t("deal.list.account", Html.escape(a.name()), theirs.size()), theirs);
    }

    private void list(Turn turn) {
        List<Deal> open = deals.all(turn.tx(), turn.userId()).stream().filter(Deal::open).toList();
        if (open.isEmpty()) {
            turn.say(turn.t("deal.none"));
            return;
        }
        say(turn, turn.t("deal.list", open.size()), open);
    }

    private void say(Turn turn, String title, List<Deal> list) {
        StringBuilder text = new StringBuilder(title);
        List<List<Button>> rows = new ArrayList<>();
        for (Deal d : list.subList(0, Math.min(MAX_LISTED, list.size()))) {
            text.append("\n").append(card.line(turn, d));
            rows.add(List.of(WorkButtons.DEAL.button(Html.shorten(d.title(), 40), WorkButtons.Step.of("o", d.id()))));
        }
        turn.say(text.toString(), rows);
    }

    /** dl:o|n|p|w|l|r:DEAL and dl:s:DEAL:STAGE; a deal that is not the presser's gets a short answer. */
    private void pressed(Turn turn, WorkButtons.Step step) {
        Optional<Deal> found = step.id() == null ? Optional.empty() : deals.get(turn.tx(), turn.userId(), step.id());
        if (found.isEmpty()) {
            turn.say(turn.t("deal.gone"));
            return;
        }
        Deal d = found.get();
        switch (step.op()) {
            case "o" -> turn.say(card.text(turn, d), card.buttons(turn, d));
            case "n" -> stages.get(d.stage()).flatMap(s -> stages.at(s.index() + 1)).ifPresent(s -> moved(turn, d, s));
            case "s" -> {
                Optional<Stages.Stage> s = step.n() == null ? Optional.empty() : stages.at(step.n());
                if (s.isPresent()) {
                    moved(turn, d, s.get());
                } else {
                    turn.say(turn.t("deal.gone"));
                }
            }
            case "x" -> {
                if (!d.open()) {
                    turn.say(card.text(turn, d), card.buttons(turn, d));
                    return;
                }
                turn.await("deal-next", Long.toString(d.id()));
                turn.say(turn.t("deal.ask.next", Html.escape(d.title())));
            }
            case "p" -> turn.say(turn.t("deal.pick.stage", Html.escape(d.title())), card.stageButtons(turn, d));
            case "w", "l" -> {
                if (!d.open()) {
                    turn.say(card.text(turn, d), card.buttons(turn, d));
                    return;
                }
                turn.await(step.op().equals("w") ? "deal-won" : "deal-lost", Long.toString(d.id()));
                turn.say(turn.t(step.op().equals("w") ? "deal.ask.won" : "deal.ask.lost", Html.escape(d.title())));
            }
            case "r" -> {
                Deal opened = d.open() ? d : deals.reopen(turn.tx(), d, turn.now());
                turn.say(card.text(turn, opened), card.buttons(turn, opened));
            }
            default -> turn.say(turn.t("deal.gone"));
        }
    }

    private void moved(Turn turn, Deal d, Stages.Stage to) {
        if (!d.open()) {
            turn.say(card.text(turn, d), card.buttons(turn, d));
            return;
        }
        Deal now = deals.move(turn.tx(), d, to.id(), turn.now());
        turn.say(turn.t("deal.moved", to.title(turn.lang())) + "\n" + card.text(turn, now), card.buttons(turn, now));
    }

    private void nextStep(Turn turn, String typed, String id) {
        Optional<Deal> d = Owned.parseId(id).flatMap(x -> deals.get(turn.tx(), turn.userId(), x));
        if (d.isEmpty()) {
            turn.say(turn.t("deal.gone"));
            return;
        }
        DealLine.Step step = DealLine.nextStep(typed, DealCard.today(turn), readers);
        if (step.text().isBlank() && step.date() == null) {
            turn.await("deal-next", id);
            turn.say(turn.t("deal.ask.next", Html.escape(d.get().title())));
            return;
        }
        Deal changed = deals.nextStep(turn.tx(), d.get(), step.text(), step.date(), turn.now());
        turn.say(turn.t(step.date() == null ? "deal.next.saved.nodate" : "deal.next.saved") + "\n"
                + card.text(turn, changed), card.buttons(turn, changed));
    }

    private void closed(Turn turn, String id, boolean won, String reason) {
        Optional<Deal> d = Owned.parseId(id).flatMap(x -> deals.get(turn.tx(), turn.userId(), x));
        if (d.isEmpty()) {
            turn.say(turn.t("deal.gone"));
            return;
        }
        if (!d.get().open()) {
            turn.say(card.text(turn, d.get()), card.buttons(turn, d.get()));
            return;
        }
        String objection = won ? null : objectionOf.apply(Html.shorten(reason, Deals.MAX_REASON)).orElse(null);
        Deal c = deals.close(turn.tx(), d.get(), won, reason, objection, turn.now());
        turn.say(turn.t(won ? "deal.won" : "deal.lost") + "\n" + card.text(turn, c), card.buttons(turn, c));
    }
}
