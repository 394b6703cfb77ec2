package coach.kam;

import coach.kam.accounts.Accounts;
import coach.kam.cli.Config;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.Messages;
import coach.kam.conversation.TextAction;
import coach.kam.conversation.commands.AccountCard;
import coach.kam.conversation.commands.AccountCommands;
import coach.kam.conversation.commands.KnowledgeCommands;
import coach.kam.conversation.commands.NoteCommands;
import coach.kam.conversation.commands.SettingsCommands;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import java.time.Clock;

/** Builds the core once from the configuration: store, knowledge, capabilities and the conversation. */
public final class KamCoach implements AutoCloseable {
    private final Config config;
    private final Store store;
    private final KnowledgeBase knowledge;
    private final Conversation conversation;

    private KamCoach(Config config, Store store, KnowledgeBase knowledge, Conversation conversation) {
        this.config = config;
        this.store = store;
        this.knowledge = knowledge;
        this.conversation = conversation;
    }

    public static KamCoach start(Config config, Clock clock) {
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir().orElse(null));
        Store store = MapDbStore.open(config.dataDir());
        try {
            Accounts accounts = new Accounts();
            Conversation.Builder b = Conversation.builder(store, Messages.load(), clock);
            new SettingsCommands().register(b);
            new AccountCommands(accounts, new AccountCard(accounts)).register(b);
            KnowledgeCommands knowledgeCommands = new KnowledgeCommands(knowledge);
            knowledgeCommands.register(b);
            TextAction freeText = (turn, text, arg) -> turn.say(turn.t("help.short"));
            new NoteCommands(accounts, freeText).register(b);
            return new KamCoach(config, store, knowledge, b.build());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public Config config() {
        return config;
    }

    public Conversation conversation() {
        return conversation;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
