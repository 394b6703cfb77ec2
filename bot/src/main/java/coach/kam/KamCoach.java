package coach.kam;

import coach.kam.accounts.Accounts;
import coach.kam.ask.AskService;
import coach.kam.ask.LlmAnswerer;
import coach.kam.ask.LlmChoice;
import coach.kam.config.Config;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.commands.AccountCard;
import coach.kam.conversation.commands.AccountCommands;
import coach.kam.conversation.commands.AskCommands;
import coach.kam.conversation.commands.BriefCommands;
import coach.kam.conversation.commands.FreeText;
import coach.kam.conversation.commands.InlineObjections;
import coach.kam.conversation.commands.KnowledgeCommands;
import coach.kam.conversation.commands.NoteCommands;
import coach.kam.conversation.commands.ObjectionCommands;
import coach.kam.conversation.commands.SettingsCommands;
import coach.kam.delivery.SendQueue;
import coach.kam.knowledge.KnowledgeBase;
import coach.kam.knowledge.KnowledgeLoader;
import coach.kam.objections.ObjectionService;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.store.Store;
import java.time.Clock;
import java.util.Optional;

/** Builds the core once from the configuration: store, knowledge, capabilities and the conversation. */
public final class KamCoach implements AutoCloseable {
    private final Store store;
    private final Conversation conversation;
    private final ObjectionService objections;
    private final SendQueue sendQueue;

    private KamCoach(Store store, Conversation conversation, ObjectionService objections) {
        this.store = store;
        this.conversation = conversation;
        this.objections = objections;
        this.sendQueue = new SendQueue(store);
    }

    public static KamCoach start(Config config, Clock clock) {
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir().orElse(null));
        Store store = MapDbStore.open(config.dataDir());
        try {
            SearchIndexes indexes = SearchIndexes.buildInBackground(knowledge, store);
            return assemble(config, clock, knowledge, store, indexes, LlmChoice.of(config.llm()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Wires the capabilities around ready parts; tests pass their own indexes and model. */
    public static KamCoach assemble(Config config, Clock clock, KnowledgeBase knowledge, Store store,
                                    SearchIndexes indexes, Optional<LlmAnswerer> llm) {
        Messages messages = Messages.load();
        Accounts accounts = new Accounts();
        AskService ask = new AskService(indexes, llm, store);
        ObjectionService objectionService = new ObjectionService(knowledge, indexes);
        Conversation.Builder b = Conversation.builder(store, messages, clock);
        new SettingsCommands().register(b);
        new AccountCommands(accounts, new AccountCard(accounts)).register(b);
        new BriefCommands(accounts, knowledge).register(b);
        KnowledgeCommands topics = new KnowledgeCommands(knowledge, accounts);
        topics.register(b);
        AskCommands askCommands = new AskCommands(ask, knowledge, topics, messages, accounts, config.llm().shareNotes());
        askCommands.register(b);
        ObjectionCommands objectionCommands = new ObjectionCommands(objectionService, accounts);
        objectionCommands.register(b);
        new NoteCommands(accounts, new FreeText(objectionCommands, askCommands)).register(b);
        return new KamCoach(store, b.build(), objectionService);
    }

    public Conversation conversation() {
        return conversation;
    }

    /** Inline-mode results for "@bot what the customer said". */
    public InlineSearch inlineSearch() {
        return new InlineObjections(objections);
    }

    /** Every outgoing message (replies, scheduled ones) waits here until the messenger accepted it. */
    public SendQueue sendQueue() {
        return sendQueue;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        sendQueue.close();
        store.close();
    }
}
