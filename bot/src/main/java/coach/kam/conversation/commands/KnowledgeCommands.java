package coach.kam.conversation.commands;

import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.accounts.ChecklistProgress;
import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.text.Html;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.KnowledgeButtons;
import coach.kam.knowledge.Checklist;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** /topics opens the methodology a section at a time; /checklist shows a checklist. */
public final class KnowledgeCommands {
    private final KnowledgeBase knowledge;
    private final Accounts accounts;
    private final AccountPicker picker;
    private final ChecklistProgress progress = new ChecklistProgress();

    public KnowledgeCommands(KnowledgeBase knowledge, Accounts accounts) {
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.picker = new AccountPicker(accounts);
    }

    public void register(Conversation.Builder b) {
        b.command("topics", this::topics);
        b.button(KnowledgeButtons.TOPIC, (turn, p) -> {
            if (p.topicId().equals("index")) {
                topics(turn, "");
            } else {
                openTopic(turn, p.topicId(), p.page());
            }
        });
        b.command("checklist", this::checklist);
        b.button(KnowledgeButtons.CHECKLIST, (turn, p) -> showChecklist(turn, p.checklistId()));
        b.button(KnowledgeButtons.SECTION, (turn, p) -> tickSection(turn, p.checklistId(), p.section(), -1, p.accountId()));
        b.button(KnowledgeButtons.TICK, (turn, p) -> tickSection(turn, p.checklistId(), p.section(), p.item(), p.accountId()));
    }

    private void topics(Turn turn, String args) {
        if (!args.isBlank()) {
            Optional<Topic> found = findTopic(turn.lang(), args);
            if (found.isPresent()) {
                openTopic(turn, found.get().id(), 0);
                return;
            }
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Topic t : knowledge.topics(turn.lang())) {
            rows.add(List.of(KnowledgeButtons.TOPIC.button(t.title(), new KnowledgeButtons.Topic(t.id(), 0))));
        }
        turn.say(turn.t("topics.title"), rows);
    }

    /** Shows one section; index "i" (an intro page first when the topic has one) from the button data. */
    void openTopic(Turn turn, String id, int index) {
        Optional<Topic> topic = knowledge.topic(id, turn.lang());
        if (topic.isEmpty()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        Topic t = topic.get();
        int i = Math.min(index, t.sections().size() - 1);
        Topic.Section s = t.sections().get(i);
        String html = "<b>" + Html.escape(t.title()) + "</b> · " + (i + 1) + "/" + t.sections().size() + "\n"
                + "<b>" + Html.escape(s.heading()) + "</b>\n\n" + Html.fromMarkdown(s.body());
        turn.say(html, sectionButtons(turn, t, i));
    }

    private List<List<Button>> sectionButtons(Turn turn, Topic t, int i) {
        List<Button> nav = new ArrayList<>();
        if (i > 0) {
            nav.add(KnowledgeButtons.TOPIC.button("« " + turn.t("btn.previous"), new KnowledgeButtons.Topic(t.id(), (i - 1))));
        }
        if (i + 1 < t.sections().size()) {
            nav.add(KnowledgeButtons.TOPIC.button(turn.t("btn.next") + " »", new KnowledgeButtons.Topic(t.id(), (i + 1))));
        }
        List<List<Button>> rows = new ArrayList<>();
        if (!nav.isEmpty()) {
            rows.add(nav);
        }
        List<Button> jump = new ArrayList<>();
        for (int k = 0; k < t.sections().size(); k++) {
            if (k != i) {
                jump.add(KnowledgeButtons.TOPIC.button(Integer.toString(k + 1), new KnowledgeButtons.Topic(t.id(), k)));
            }
        }
        if (!jump.isEmpty()) {
            rows.add(jump);
        }
        knowledge.checklists().stream().filter(c -> c.topic().equals(t.id())).limit(2)
                .forEach(c -> rows.add(List.of(KnowledgeButtons.CHECKLIST.button("☑ " + c.title(turn.lang()), new KnowledgeButtons.Checklist(c.id())))));
        rows.add(List.of(KnowledgeButtons.TOPIC.button(turn.t("btn.all.topics"), new KnowledgeButtons.Topic("index", 0))));
        return rows;
    }

    private void checklist(Turn turn, String args) {
        String wanted = args.strip().toLowerCase(Locale.ROOT);
        Optional<Checklist> c = knowledge.checklist(wanted);
        if (c.isEmpty() && !wanted.isEmpty()) {
            c = knowledge.checklists().stream().filter(x -> x.id().contains(wanted)
                    || x.title("zh").contains(args.strip()) || x.title("en").toLowerCase(Locale.ROOT).contains(wanted)).findFirst();
        }
        if (c.isPresent()) {
            showChecklist(turn, c.get().id());
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Checklist x : knowledge.checklists()) {
            rows.add(List.of(KnowledgeButtons.CHECKLIST.button(x.title(turn.lang()), new KnowledgeButtons.Checklist(x.id()))));
        }
        turn.say(turn.t(wanted.isEmpty() ? "checklists.title" : "checklists.nomatch", Html.escape(args.strip())), rows);
    }

    /** The whole checklist; with an account open, with its ticks and a button per section to tick items. */
    private void showChecklist(Turn turn, String id) {
        Optional<Checklist> c = knowledge.checklist(id);
        if (c.isEmpty()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        String lang = turn.lang();
        Optional<Account> open = picker.open(turn);
        Set<String> done = open.map(a -> progress.done(turn.tx(), a, id)).orElse(Set.of());
        StringBuilder out = new StringBuilder("☑ <b>" + Html.escape(c.get().title(lang)) + "</b>\n");
        open.ifPresent(a -> out.append(turn.t("checklist.progress", Html.escape(a.name()),
                countDone(c.get(), done), c.get().itemCount())).append('\n'));
        List<List<Button>> rows = new ArrayList<>();
        for (int s = 0; s < c.get().sections().size(); s++) {
            Checklist.Part part = c.get().sections().get(s);
            out.append("\n<b>").append(Html.escape(part.title(lang))).append("</b>\n");
            for (Checklist.Item item : part.items()) {
                out.append(done.contains(item.id()) ? "☑ " : "☐ ").append(Html.escape(item.text(lang))).append('\n');
            }
            if (open.isPresent()) {
                long ticked = part.items().stream().filter(i -> done.contains(i.id())).count();
                rows.add(List.of(KnowledgeButtons.SECTION.button("✏️ " + part.title(lang) + " " + ticked + "/" + part.items().size(),
                        new KnowledgeButtons.Section(id, s, open.get().id()))));
            }
        }
        if (open.isEmpty()) {
            out.append('\n').append(turn.t("checklist.open.account"));
        }
        rows.add(List.of(KnowledgeButtons.TOPIC.button(turn.t("btn.topic"), new KnowledgeButtons.Topic(c.get().topic(), 0))));
        turn.say(out.toString().strip(), rows);
    }

    /**
     * One section's items as buttons; with {@code toggle}, the pressed item is ticked or unticked
     * first. The data names the account last ("cks:list:section:account",
     * "ckt:list:section:item:account"), so a button in an old message acts on the account that
     * message was about. A section button without it (made before) opens the section for the open
     * account, whose name the answer shows; a tick button without it is out of date.
     */
    private void tickSection(Turn turn, String list, int s, int pressedItem, Long accountId) {
        boolean toggle = pressedItem >= 0;
        Optional<Checklist> c = knowledge.checklist(list);
        if (c.isEmpty() || s >= c.get().sections().size()) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        Optional<Account> open;
        if (accountId != null) {
            open = picker.owned().account(turn, accountId);
            if (open.isEmpty()) {
                return;
            }
        } else if (toggle) {
            turn.say(turn.t("checklist.button.old", c.get().id()));
            return;
        } else {
            open = picker.open(turn);
            if (open.isEmpty()) {
                turn.say(turn.t("checklist.open.account"));
                return;
            }
        }
        Checklist.Part part = c.get().sections().get(s);
        if (toggle) {
            if (pressedItem >= part.items().size()) {
                turn.say(turn.t("button.unknown"));
                return;
            }
            progress.toggle(turn.tx(), open.get(), c.get().id(), part.items().get(pressedItem).id());
        }
        Set<String> done = progress.done(turn.tx(), open.get(), c.get().id());
        String lang = turn.lang();
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < part.items().size(); i++) {
            Checklist.Item item = part.items().get(i);
            rows.add(List.of(KnowledgeButtons.TICK.button((done.contains(item.id()) ? "☑ " : "☐ ") + item.text(lang),
                    new KnowledgeButtons.Tick(c.get().id(), s, i, open.get().id()))));
        }
        rows.add(List.of(KnowledgeButtons.CHECKLIST.button(turn.t("btn.back.checklist"), new KnowledgeButtons.Checklist(c.get().id()))));
        turn.say(turn.t("checklist.section", Html.escape(c.get().title(lang)), Html.escape(part.title(lang)),
                Html.escape(open.get().name()), countDone(c.get(), done), c.get().itemCount()), rows);
    }

    private static long countDone(Checklist c, Set<String> done) {
        return c.sections().stream().flatMap(p -> p.items().stream()).filter(i -> done.contains(i.id())).count();
    }

    private Optional<Topic> findTopic(String lang, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return knowledge.topics(lang).stream().filter(t -> t.id().equals(q) || t.title().toLowerCase(Locale.ROOT).contains(q)
                || t.tags().stream().anyMatch(tag -> tag.equalsIgnoreCase(q))).findFirst();
    }
}
