package coach.kam.conversation.commands;

import coach.kam.conversation.Button;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Dialog;
import coach.kam.conversation.Dialogs;
import coach.kam.conversation.Messages;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.conversation.Turn;
import coach.kam.conversation.buttons.SettingButtons;
import coach.kam.conversation.buttons.WalkButtons;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** /start, /help, /lang and /settings: language and time zone. */
public final class SettingsCommands {
    /** The commands shown in the phone's menu, in order; descriptions are messages "menu.<name>". */
    public static final List<String> MENU = List.of("start", "help", "new", "accounts", "account", "note", "notes",
            "undo", "brief", "profile", "needs", "evaluate", "classify", "plan", "review", "resume", "topics", "checklist", "ask",
            "objection", "remind", "reminders", "checkin", "export", "import", "rename", "delete", "cancel", "lang",
            "settings");

    private static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
            "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC");

    private final KnowledgeBase knowledge;
    private final java.util.function.Consumer<Turn> moreSettings;

    /** {@code moreSettings} adds the settings of other capabilities (the check-in time) to /settings. */
    public SettingsCommands(KnowledgeBase knowledge, java.util.function.Consumer<Turn> moreSettings) {
        this.knowledge = knowledge;
        this.moreSettings = moreSettings;
    }

    public void register(Conversation.Builder b) {
        b.command("start", (turn, args) -> start(turn));
        b.command("help", (turn, args) -> turn.say(turn.t("help.full")));
        b.command("lang", (turn, args) -> lang(turn, args));
        b.button(SettingButtons.LANGUAGE, (turn, p) -> setLang(turn, p.value()));
        b.command("settings", (turn, args) -> settings(turn));
        b.button(SettingButtons.ZONE, (turn, p) -> setZone(turn, p.value()));
        b.waitingFor("settings", this::typedSetting);
    }

    private void start(Turn turn) {
        turn.await("settings", null);
        turn.say(turn.t("start.welcome"), languageButtons());
        turn.say(turn.t("start.zone", turn.session().zone()), zoneButtons());
        List<List<Button>> unfinished = new ArrayList<>();
        for (Dialog d : Dialogs.of(turn.tx(), turn.userId())) {
            if (d.isWalkthrough() && unfinished.size() < 3) {
                String title = knowledge.flow(d.flow()).map(f -> f.title().in(turn.lang())).orElse(d.flow());
                unfinished.add(List.of(WalkButtons.RESUME.button(turn.t("card.continue", title), new WalkButtons.Resume(d.id()))));
            }
        }
        if (!unfinished.isEmpty()) {
            turn.say(turn.t("start.unfinished"), unfinished);
        }
    }

    private void lang(Turn turn, String args) {
        if (!args.isBlank()) {
            setLang(turn, args.strip().toLowerCase());
            return;
        }
        turn.say(turn.t("lang.choose"), languageButtons());
    }

    private void setLang(Turn turn, String lang) {
        String chosen = lang.startsWith("zh") || lang.equals("中文") ? "zh" : lang.startsWith("en") ? "en" : null;
        if (chosen == null || !Messages.LANGUAGES.contains(chosen)) {
            turn.say(turn.t("lang.choose"), languageButtons());
            return;
        }
        turn.session(turn.session().withLang(chosen));
        turn.say(turn.t("lang.set"));
        turn.await("settings", null);
    }

    private void settings(Turn turn) {
        turn.await("settings", null);
        turn.say(turn.t("settings.show", turn.t("lang.name"), turn.session().zone()) + "\n" + turn.t("zone.type"),
                zoneButtons());
        turn.say(turn.t("lang.choose"), languageButtons());
        moreSettings.accept(turn);
    }

    /**
     * After /start or /settings a typed "English", "中文", "london" or "UTC+8" sets the language or
     * the zone; anything else is read as it would be at any other time.
     */
    private void typedSetting(Turn turn, String text, String ignored) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (List.of("english", "英文", "英语", "en").contains(t)) {
            setLang(turn, "en");
        } else if (List.of("中文", "汉语", "chinese", "zh", "简体中文").contains(t)) {
            setLang(turn, "zh");
        } else {
            java.util.Optional<ZoneId> zone = ZoneNames.parse(text);
            if (zone.isPresent()) {
                turn.session(turn.session().withZone(zone.get().getId()));
                turn.say(turn.t("zone.set", zone.get().getId()));
                turn.await("settings", null);
            } else {
                turn.asPlainText(text);
            }
        }
    }

    private void setZone(Turn turn, String zone) {
        if (!ZONES.contains(zone)) {
            turn.say(turn.t("button.unknown"));
            return;
        }
        turn.session(turn.session().withZone(ZoneId.of(zone).getId()));
        turn.say(turn.t("zone.set", zone));
        turn.await("settings", null);
    }

    private static List<List<Button>> languageButtons() {
        return List.of(List.of(SettingButtons.LANGUAGE.button("中文", new SettingButtons.Choice("zh")),
                SettingButtons.LANGUAGE.button("English", new SettingButtons.Choice("en"))));
    }

    private static List<List<Button>> zoneButtons() {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < ZONES.size(); i += 2) {
            List<Button> row = new ArrayList<>();
            for (String z : ZONES.subList(i, Math.min(ZONES.size(), i + 2))) {
                row.add(SettingButtons.ZONE.button(z, new SettingButtons.Choice(z)));
            }
            rows.add(row);
        }
        return rows;
    }
}
