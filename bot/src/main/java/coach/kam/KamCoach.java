package coach.kam;

import coach.kam.conversation.commands.QuarantineCommands;
import coach.kam.quarantine.Desk;
import java.util.concurrent.atomic.AtomicReference;
import coach.kam.accounts.Accounts;
import coach.kam.ask.AskService;
import coach.kam.ask.LlmAnswerer;
import coach.kam.ask.LlmChoice;
import coach.kam.conversation.checkin.CheckinModule;
import coach.kam.conversation.checkin.Scheduler;
import coach.kam.config.Config;
import coach.kam.conversation.Conversation;
import coach.kam.conversation.InlineSearch;
import coach.kam.conversation.Messages;
import coach.kam.conversation.commands.AccountCard;
import coach.kam.conversation.commands.AccountCommands;
import coach.kam.conversation.commands.AccountOverview;
import coach.kam.conversation.commands.ReviewCommands;
import coach.kam.conversation.commands.PlanCommands;
import coach.kam.plans.Plans;
import coach.kam.conversation.commands.AskCommands;
import coach.kam.conversation.commands.BriefCommands;
import coach.kam.conversation.commands.FreeText;
import coach.kam.conversation.commands.InlineObjections;
import coach.kam.conversation.commands.KnowledgeCommands;
import coach.kam.conversation.commands.NoteCommands;
import coach.kam.conversation.commands.ObjectionCommands;
import coach.kam.conversation.commands.SettingsCommands;
import coach.kam.conversation.walk.WalkCommands;
import coach.kam.conversation.walk.WalkDialog;
import coach.kam.delivery.SendQueue;
import coach.kam.flows.AccountFacts;
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
    private final Scheduler scheduler;
    private final SendQueue sendQueue;
    private coach.kam.backup.Backups backups;
    private SearchIndexes indexes;
    private volatile boolean closed;

    private KamCoach(Store store, Conversation conversation, ObjectionService objections, Scheduler scheduler) {
        this.store = store;
        this.conversation = conversation;
        this.objections = objections;
        this.scheduler = scheduler;
        this.sendQueue = new SendQueue(store);
        // Scheduled messages wait in the same durable, paced queue as replies; the console prints instead.
        scheduler.sendTo(new coach.kam.conversation.checkin.Outgoing() {
            @Override
            public void enqueue(coach.kam.store.Tx tx, long chatId, java.util.List<coach.kam.conversation.Reply> replies) {
                sendQueue.enqueue(tx, chatId, replies);
            }

            @Override
            public boolean reachable(long chatId) {
                return !sendQueue.isInactive(chatId);
            }
        });
    }

    /** Check-ins, reminders, nudges and digests; the adapter says where their messages go and runs it. */
    public Scheduler scheduler() {
        return scheduler;
    }

    public static KamCoach start(Config config, Clock clock) {
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir().orElse(null));
        Store store = coach.kam.store.DataFolder.openForBot(config.dataDir(), Clock.systemUTC(),
                coach.kam.store.DataFolder.newStoreAllowed(System.getenv()), System.getenv());
        try {
            SearchIndexes indexes = SearchIndexes.buildInBackground(knowledge, store);
            KamCoach coach = assemble(config, clock, knowledge, store, indexes, LlmChoice.of(config.llm()));
            // daily backups, and copies of the store for command-line exports and backups while this runs
            coach.backups = new coach.kam.backup.Backups(store, config.dataDir(), config.backupTime(), clock).start();
            return coach;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Wires the capabilities around ready parts; tests pass their own indexes and model. */
    /** Texts from this length on are embedded before their turn (see {@code Conversation.prepare}). */
    static final int PREPARED_LENGTH = 200;

    public static KamCoach assemble(Config config, Clock clock, KnowledgeBase knowledge, Store store,
                                    SearchIndexes indexes, Optional<LlmAnswerer> llm) {
        // a store written before the one key scheme is brought to it before anything reads it
        coach.kam.store.KeyUpgrade.run(store, Catalogue.tables());
        Messages messages = Messages.load();
        Accounts accounts = new Accounts();
        AskService ask = new AskService(indexes, llm, store);
        ObjectionService objectionService = new ObjectionService(knowledge, indexes);
        Conversation.Builder b = Conversation.builder(store, messages, clock);
        AccountFacts facts = new AccountFacts();
        Plans plans = new Plans();
        AccountOverview overview = new AccountOverview(knowledge, accounts, facts, plans);
        CheckinModule checkins = new CheckinModule(accounts, overview, config.admins(), clock);
        new SettingsCommands(knowledge, checkins.settings()).register(b);
        coach.kam.deals.Deals deals = new coach.kam.deals.Deals();
        coach.kam.deals.Stages stages = new coach.kam.deals.Stages(knowledge);
        coach.kam.conversation.commands.AccountDeals accountDeals =
                new coach.kam.conversation.commands.AccountDeals(accounts, deals, stages);
        AccountCard accountCard = new AccountCard(accounts, overview, knowledge).withDeals(accountDeals);
        new AccountCommands(accounts, accountCard, overview).register(b);
        new BriefCommands(accounts, knowledge, overview).withDeals(accountDeals).register(b);
        new ReviewCommands(accounts, overview).register(b);
        PlanCommands planCommands = new PlanCommands(knowledge, accounts, plans);
        planCommands.register(b);
        KnowledgeCommands topics = new KnowledgeCommands(knowledge, accounts);
        topics.register(b);
        AskCommands askCommands = new AskCommands(ask, knowledge, topics, messages, accounts, config.llm().shareNotes());
        askCommands.register(b);
        ObjectionCommands objectionCommands = new ObjectionCommands(objectionService, accounts);
        objectionCommands.register(b);
        coach.kam.conversation.commands.OwnDataCommands ownData = ownData(store, clock, knowledge, indexes, messages,
                accounts, plans, facts, ask);
        ownData.register(b);
        new NoteCommands(accounts, knowledge, new FreeText(objectionCommands, askCommands).withOwnData(ownData),
                askCommands, objectionService).undoingReminders(checkins::setReminderOpen).answeringFromRecords(ownData)
                .register(b);
        coach.kam.plans.CoursePlans coursePlans = new coach.kam.plans.CoursePlans();
        new WalkCommands(knowledge, accounts, new WalkDialog(knowledge, accounts, facts)
                .whenCompleted((tx, account, flowId) -> coursePlans.completed(tx, account, flowId))).register(b);
        checkins.register(b, store);
        coach.kam.targets.Targets targets = new coach.kam.targets.Targets();
        coach.kam.territory.Territory territory = new coach.kam.territory.Territory(knowledge);
        checkins.withDeals(deals, stages, targets);
        coursePlans.remindingWith(new coach.kam.plans.CoursePlans.ReminderWriter() {
            @Override
            public long add(coach.kam.store.Tx tx, long userId, long accountId, String text, java.time.Instant due,
                            java.time.Instant now) {
                return checkins.addReminder(tx, userId, accountId, text, due, now);
            }

            @Override
            public void cancel(coach.kam.store.Tx tx, long userId, long reminderId) {
                checkins.setReminderOpen(tx, userId, reminderId, false);
            }
        });
        coach.kam.conversation.commands.CoursePlanCommands coursePlanCommands =
                new coach.kam.conversation.commands.CoursePlanCommands(accounts, coursePlans,
                        new coach.kam.deals.DealLine.Readers(coach.kam.flows.Money::parse, coach.kam.flows.Dates::parse));
        coursePlanCommands.register(b);
        planCommands.courseWith(coursePlanCommands::show);
        accountCard.withCoursePlan(coursePlanCommands);
        checkins.wording(messages::get);
        checkins.namingObjections((id, lang) -> coach.kam.text.Html.escape(
                knowledge.objection(id).map(o -> o.in(lang).title()).orElse(id)));
        accounts.whenDeleted((tx, a) -> {
            deals.forgetAccount(tx, a.ownerId(), a.id());
            targets.forgetAccount(tx, a.ownerId(), a.id());
            territory.forget(tx, a.ownerId(), a.id());
            coursePlans.forgetAccount(tx, a.ownerId(), a.id());
        });
        new coach.kam.conversation.commands.DealCommands(accounts, deals, stages,
                new coach.kam.deals.DealLine.Readers(coach.kam.flows.Money::parse, coach.kam.flows.Dates::parse))
                .matchingLosses(objectionService).register(b);
        new coach.kam.conversation.commands.PipelineCommand(accounts, deals, stages).withObjections(objectionService)
                .register(b);
        new coach.kam.conversation.commands.TerritoryCommands(accounts, territory, overview)
                .register(b);
        new coach.kam.conversation.commands.TargetCommands(accounts, targets,
                coach.kam.flows.Money::parse).register(b);
        coach.kam.conversation.commands.ChartCommands chartCommands = new coach.kam.conversation.commands.ChartCommands(
                accounts, deals, stages, new coach.kam.targets.Targets(), facts).withTeams(checkins::reps);
        chartCommands.register(b);
        checkins.chartingTeam(turn -> chartCommands.team((coach.kam.conversation.Turn) turn));
        planCommands.exportWith(new coach.kam.conversation.commands.PlanExportCommand(accounts, deals, stages,
                new coach.kam.targets.Targets(), new coach.kam.territory.Territory(knowledge), facts)::export);
        new coach.kam.conversation.export.ExportCommands(store, messages, knowledge, accounts, facts, overview,
                config.dataDir().resolve("outbox"), config.admins(), checkins.sharesNotes(), Catalogue.tables()).register(b);
        new coach.kam.conversation.export.ImportCommands(store, messages, knowledge, accounts, facts).register(b);
        new coach.kam.conversation.commands.PracticeCommands(new coach.kam.practice.Practice(knowledge,
                coach.kam.practice.Cues.load(coach.kam.knowledge.KnowledgeSource.locate(config.knowledgeDir().orElse(null))),
                accounts, () -> indexes.ifReady().map(r -> r.objections().embedder()))
                .withRoleplay(coach.kam.practice.Roleplay.of(config.llm()))
                .matchingNotes(said -> objectionService.lookupIfReady(said).filter(l -> l.confident())
                        .map(l -> l.best().id()))
                .votedDown(objectionService::disliked)).register(b);
        AtomicReference<Desk> desk = new AtomicReference<>();
        new QuarantineCommands(config.admins(), desk).register(b);
        b.prepare(text -> {
            // embeds a long text for the searches its turn is likely to run, before the store's lock is
            // taken; a short one costs milliseconds in the turn, less than guessing would
            if (text.length() >= PREPARED_LENGTH && ask.ready()) {
                ask.answerNow(text);
                objectionService.lookup(text);
            }
        });
        Conversation conversation = b.build();
        KamCoach coach = new KamCoach(store, conversation, objectionService, checkins.start(conversation));
        coach.desk = desk;
        coach.indexes = indexes;
        return coach;
    }

    /** Questions about an account answered from the rep's records; the per-rep indexes follow every note commit. */
    private static coach.kam.conversation.commands.OwnDataCommands ownData(Store store, Clock clock, KnowledgeBase knowledge,
            SearchIndexes indexes, Messages messages, Accounts accounts, Plans plans, AccountFacts facts,
            AskService ask) {
        coach.kam.owndata.RecordReader reader = new coach.kam.owndata.RecordReader(accounts, new coach.kam.deals.Deals(),
                java.util.List.of(new coach.kam.conversation.commands.WalkAnswers(knowledge, facts),
                        new coach.kam.conversation.commands.PlanRecords(plans, knowledge)));
        coach.kam.owndata.OwnIndexes own = new coach.kam.owndata.OwnIndexes(store, reader,
                () -> indexes.ifReady().map(r -> r.questions().embedder()), coach.kam.owndata.OwnIndexes.budgetForHeap(),
                clock);
        accounts.whenNoteChanged((tx, owner, account, note) -> tx.afterCommit(() -> own.noteChanged(owner, account, note)));
        accounts.whenDeleted((tx, a) -> tx.afterCommit(() -> own.accountChanged(a.ownerId(), a.id())));
        return new coach.kam.conversation.commands.OwnDataCommands(new coach.kam.owndata.OwnSearch(own), accounts, messages,
                ask::fromRecords);
    }

    private AtomicReference<Desk> desk = new AtomicReference<>();

    /** Where /quarantine finds the desk of the pipeline that runs (set by the adapter that starts it). */
    public AtomicReference<Desk> desk() {
        return desk;
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

    /** Whether the search index is built (questions and objections are answered at once). */
    public boolean searchReady() {
        return indexes != null && indexes.ifReady().isPresent();
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        if (backups != null) {
            backups.close();
        }
        sendQueue.close();
        store.close();
    }
}
