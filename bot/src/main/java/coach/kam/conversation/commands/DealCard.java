package coach.kam.conversation.commands;

import coach.kam.accounts.Accounts;
import coach.kam.conversation.Button;
import coach.kam.conversation.buttons.ObjectionButtons;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.WorkButtons;
import coach.kam.deals.Deal;
import coach.kam.deals.Forecast;
import coach.kam.deals.Stages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How a deal reads on a phone: one line in a list, a card with its buttons. */
final class DealCard {
    private static final int STAGES_PER_ROW = 3;
    private final Accounts accounts;
    private final Stages stages;

    private coach.kam.objections.ObjectionService objections;

    /** Names the objection a lost deal's reason read as. */
    void titlesFrom(coach.kam.objections.ObjectionService o) {
        this.objections = o;
    }

    String objectionTitle(String id, String lang) {
        return objections == null ? id : objections.objection(id).map(o -> o.in(lang).title()).orElse(id);
    }

    DealCard(Accounts accounts, Stages stages) {
        this.accounts = accounts;
        this.stages = stages;
    }

    /** "冷链二期 · ¥300万 · 方案 40% · 2027-03-31" */
    String line(Turn turn, Deal d) {
        StringBuilder s = new StringBuilder("• ").append(Html.escape(d.title()));
        if (d.amount() != null) {
            s.append(" · ").append(amount(turn, d.amount()));
        }
        s.append(" · ").append(stageText(turn, d));
        if (d.close() != null) {
            s.append(" · ").append(d.close());
        }
        return s.toString();
    }

    String text(Turn turn, Deal d) {
        String account = accounts.get(turn.tx(), d.ownerId(), d.accountId()).map(a -> Html.escape(a.name())).orElse("—");
        StringBuilder s = new StringBuilder(turn.t("deal.card", Html.escape(d.title()), account,
                d.amount() == null ? "—" : amount(turn, d.amount()), stageText(turn, d),
                d.close() == null ? "—" : d.close().toString()));
        if (d.open() && (d.next() != null && !d.next().isBlank() || d.nextDate() != null)) {
            s.append('\n').append(nextStep(turn, d));
        }
        if (d.reason() != null && !d.reason().isBlank()) {
            s.append('\n').append(turn.t("deal.reason", Html.escape(d.reason())));
        }
        if (d.objectionId() != null) {
            s.append('\n').append(turn.t("deal.lost.objection", Html.escape(objectionTitle(d.objectionId(), turn.lang()))));
        }
        return s.toString();
    }

    /** "➡ 下一步:送报价单 · 📅 2026-12-04 ⚠️" (the mark when its date has passed). */
    String nextStep(Turn turn, Deal d) {
        String what = d.next() == null || d.next().isBlank() ? "—" : Html.escape(d.next());
        String when = d.nextDate() == null ? "" : " · 📅 " + d.nextDate()
                + (d.nextDate().isBefore(today(turn)) ? " ⚠️" : "");
        return turn.t("deal.next", what) + when;
    }

    /**
     * An open deal as a line on the account card and in /brief: what, amount, stage, next step and
     * its date, or else the expected close; "⚠️ late" when the close or next step date has passed.
     */
    String accountLine(Turn turn, Deal d) {
        StringBuilder s = new StringBuilder("💼 ").append(Html.escape(Html.shorten(d.title(), 60)));
        if (d.amount() != null) {
            s.append(" · ").append(amount(turn, d.amount()));
        }
        s.append(" · ").append(stageText(turn, d));
        if (d.next() != null && !d.next().isBlank()) {
            s.append(" · ➡ ").append(Html.escape(Html.shorten(d.next(), 40)));
        }
        if (d.nextDate() != null) {
            s.append(" · 📅 ").append(d.nextDate());
        } else if (d.close() != null) {
            s.append(" · ").append(turn.t("deal.close.short", d.close().toString()));
        }
        if (d.late(today(turn))) {
            s.append(' ').append(turn.t("deal.late"));
        }
        return s.toString();
    }

    static java.time.LocalDate today(Turn turn) {
        return turn.now().atZone(turn.zone()).toLocalDate();
    }

    private String stageText(Turn turn, Deal d) {
        Stages.Stage s = stages.get(d.stage()).orElse(stages.first());
        return switch (d.status()) {
            case WON -> turn.t("deal.status.won");
            case LOST -> turn.t("deal.status.lost");
            case OPEN -> s.title(turn.lang()) + " " + s.weight() + "%";
        };
    }

    List<List<Button>> buttons(Turn turn, Deal d) {
        long id = d.id();
        if (!d.open()) {
            Button reopen = WorkButtons.DEAL.button(turn.t("deal.btn.reopen"), WorkButtons.Step.of("r", id));
            return d.objectionId() == null ? List.of(List.of(reopen))
                    : List.of(List.of(ObjectionButtons.SHOW.button(turn.t("deal.btn.script"), new ObjectionButtons.Show(d.objectionId(), null)), reopen));
        }
        List<Button> first = new ArrayList<>();
        stages.get(d.stage()).flatMap(s -> stages.at(s.index() + 1)).ifPresent(next ->
                first.add(WorkButtons.DEAL.button("➡ " + next.title(turn.lang()), WorkButtons.Step.of("n", id))));
        first.add(WorkButtons.DEAL.button(turn.t("deal.btn.stage"), WorkButtons.Step.of("p", id)));
        return List.of(first, List.of(WorkButtons.DEAL.button(turn.t("deal.btn.next"), WorkButtons.Step.of("x", id))), List.of(WorkButtons.DEAL.button(turn.t("deal.btn.won"), WorkButtons.Step.of("w", id)),
                WorkButtons.DEAL.button(turn.t("deal.btn.lost"), WorkButtons.Step.of("l", id))));
    }

    List<List<Button>> stageButtons(Turn turn, Deal d) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Stages.Stage s : stages.all()) {
            String label = (s.id().equals(d.stage()) ? "• " : "") + s.title(turn.lang());
            row.add(WorkButtons.DEAL.button(label, new WorkButtons.Step("s", d.id(), s.index())));
            if (row.size() == STAGES_PER_ROW) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    static String amount(Turn turn, BigDecimal a) {
        return Forecast.amount(a, turn.lang());
    }
}
