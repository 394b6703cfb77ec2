package coach.kam.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.KamCoach;
import coach.kam.audit.Audit;
import coach.kam.accounts.Account;
import coach.kam.accounts.Accounts;
import coach.kam.config.Config;
import coach.kam.conversation.Button;
import coach.kam.conversation.Event;
import coach.kam.conversation.Reply;
import coach.kam.flows.AccountFacts;
import coach.kam.plans.Plans;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.MapDbStore;
import coach.kam.testing.MutableClock;
import coach.kam.testing.TestCoach;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One honest team model: invitations a rep accepts, a rep who sees and leaves their team, a
 * digest that names reps and overdue items and is sent once a week even across a restart, and an
 * admin's export that carries a rep's note texts only with the rep's consent.
 */
class TeamTest {
    private static final long MANAGER = 900;
    private static final long REP = 1;
    private static final long OTHER = 2;
    @TempDir
    Path dir;
    private MutableClock clock;
    private KamCoach coach;
    private final List<Map.Entry<Long, Reply>> queued = new ArrayList<>();
    private List<Reply> last = List.of();

    @BeforeEach
    void start() {
        clock = MutableClock.at("2026-11-25T02:00:00Z");
        open();
        say(MANAGER, "/lang en");
        say(REP, "/lang en");
        say(OTHER, "/lang en");
    }

    private void open() {
        Config config = Config.fromEnvironment(Map.of("KAM_DATA_DIR", dir.toString(),
                "KAM_KNOWLEDGE_DIR", TestCoach.KNOWLEDGE.toString(), "KAM_ADMINS", Long.toString(MANAGER)));
        coach = KamCoach.assemble(config, clock, TestCoach.knowledge(), MapDbStore.open(dir),
                SearchIndexes.of(TestCoach.indexes()), Optional.empty());
        coach.scheduler().sendTo((tx, chat, replies) -> replies.forEach(r -> queued.add(Map.entry(chat, r))));
    }

    @AfterEach
    void close() {
        if (coach != null) {
            coach.close();
        }
    }

    private String say(long user, String text) {
        return say(new Event(user, user, null, text, null, null, "en"));
    }

    private String say(Event e) {
        last = coach.conversation().handle(e);
        return String.join("\n", last.stream().map(Reply::plainText).toList());
    }

    private String press(long user, String label, List<Reply> in) {
        String data = in.stream().flatMap(r -> r.buttons().stream()).flatMap(List::stream)
                .filter(b -> b.label().equals(label)).map(Button::data).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + in));
        return say(new Event(user, user, null, null, data, null, "en"));
    }

    /** What went to {@code chat} since the last look, then forgets everything queued. */
    private List<Reply> mailTo(long chat) {
        List<Reply> out = queued.stream().filter(e -> e.getKey() == chat).map(Map.Entry::getValue).toList();
        queued.clear();
        return out;
    }

    private static String text(List<Reply> replies) {
        return String.join("\n", replies.stream().map(Reply::plainText).toList());
    }

    private static void assertContains(String reply, String wanted) {
        assertTrue(reply.contains(wanted), "expected '" + wanted + "' in:\n" + reply);
    }

    private void join(long rep, String telegramName) {
        assertContains(say(MANAGER, "/team add " + rep), "Invited " + rep);
        List<Reply> invitation = mailTo(rep);
        assertContains(text(invitation), "invites you");
        String data = invitation.get(0).buttons().get(0).get(0).data();
        assertContains(say(new Event(rep, rep, null, null, data, null, "en", null, telegramName)), "You joined");
        assertContains(text(mailTo(MANAGER)), telegramName + " (" + rep + ") joined");
    }

    @Test
    void aRepJoinsOnlyByAcceptingAndOnlyTheInvitedRepCanAccept() {
        assertContains(say(MANAGER, "/team add " + REP), "Invited 1");
        List<Reply> invitation = mailTo(REP);
        assertContains(text(invitation), "never what your notes say");
        assertContains(say(MANAGER, "/team"), "invited, not yet accepted");
        assertContains(say(MANAGER, "/team"), "0 reps");

        String data = invitation.get(0).buttons().get(0).get(0).data();
        assertContains(say(new Event(OTHER, OTHER, null, null, data, null, "en")), "no longer open");
        assertContains(say(OTHER, "/team"), "not in a team");

        assertContains(press(REP, "Decline", invitation), "did not join");
        assertContains(text(mailTo(MANAGER)), "declined");
        assertContains(press(REP, "✅ Accept", invitation), "no longer open");
        assertContains(say(MANAGER, "/team"), "0 reps");

        join(REP, "Wang Lei");
        assertContains(say(MANAGER, "/team"), "Wang Lei (1)");
        assertContains(say(MANAGER, "/team add 1"), "already in your team");
    }

    @Test
    void aRepSeesTheirTeamAndCanLeaveItAndTheDigestDropsThemAtOnce() {
        say(MANAGER, "/team name Zhao Min");
        join(REP, "Wang Lei");
        join(OTHER, "Li Na");
        String view = say(REP, "/team");
        assertContains(view, "Zhao Min's team");
        assertContains(view, "Note texts in your manager's export: not allowed");

        assertContains(say(REP, "/team leave"), "You left Zhao Min's team");
        assertContains(text(mailTo(MANAGER)), "Wang Lei (1) left your team");
        assertContains(say(REP, "/team"), "not in a team");
        String digest = say(MANAGER, "/team digest");
        assertContains(digest, "Team digest (1 reps)");
        assertContains(digest, "Li Na");
        assertFalse(digest.contains("Wang Lei"), digest);

        assertContains(say(MANAGER, "/team remove 2"), "Removed Li Na");
        assertContains(text(mailTo(OTHER)), "removed you");
        List<Audit.Entry> entries = coach.store().inTransaction(tx -> Audit.newest(tx, 20));
        List<String> audited = entries.stream().map(e -> e.action() + " " + e.detail()).toList();
        for (String wanted : List.of("team.invited rep 1", "team.member.added rep 1", "team.member.removed rep 1",
                "team.member.added rep 2", "team.member.removed rep 2")) {
            assertTrue(audited.contains(wanted), wanted + " in " + audited);
        }
        assertContains(say(MANAGER, "/team digest"), "Your team is empty");
    }

    @Test
    void theDigestNamesRepsItemsActivityAndTierChangesAndGoesOutOnceAWeekAcrossARestart() {
        join(REP, "Wang Lei");
        say(REP, "/team name 王磊");
        say(REP, "/new Acme Foods");
        say(REP, "the buyer told me a secret price");
        say(REP, "second call, still pushing on price");
        Accounts accounts = new Accounts();
        AccountFacts facts = new AccountFacts();
        coach.store().inTransaction(tx -> {
            Account acme = accounts.list(tx, REP).get(0);
            facts.putEvaluation(tx, acme, new AccountFacts.Evaluation(1, clock.instant(), 40, "C", "maintain",
                    Map.of(), List.of()));
            Plans plans = new Plans();
            plans.attach(tx, acme, Plans.Kind.ACT, clock.instant());
            plans.update(tx, acme, Plans.Kind.ACT, "tgt-annual", new Plans.ItemPlan(null, LocalDate.parse("2026-11-26"), null));
            return null;
        });

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T01:00:00Z")));
        coach.scheduler().runDue();
        String digest = text(mailTo(MANAGER));
        assertContains(digest, "Team digest (1 reps)");
        assertContains(digest, "王磊");
        assertContains(digest, "Last 7 days: notes 2 · visits 0 · objections 0 · evaluations 1");
        assertContains(digest, "Tiers: C 1");
        assertContains(digest, "Write this year's sales target");
        assertFalse(digest.contains("secret price"), digest);

        coach.store().inTransaction(tx -> {
            Account acme = accounts.list(tx, REP).get(0);
            facts.putEvaluation(tx, acme, new AccountFacts.Evaluation(2, clock.instant(), 70, "B", "develop",
                    Map.of(), List.of()));
            return null;
        });
        coach.close();
        open();
        coach.scheduler().runDue();
        assertEquals(List.of(), mailTo(MANAGER), "sent once this week, also after a restart");
        assertContains(say(MANAGER, "/team digest"), "Tier changes: Acme Foods C→B");

        clock.advance(Duration.ofDays(7));
        coach.scheduler().runDue();
        String next = text(mailTo(MANAGER));
        assertContains(next, "Tier changes: Acme Foods C→B");
        assertContains(next, "Last 7 days: notes 0");
    }

    @Test
    void anAdminsExportCarriesNoteTextsOnlyOfRepsWhoAgreed() throws IOException {
        join(REP, "Wang Lei");
        say(REP, "/new Acme Foods");
        say(REP, "the buyer told me a secret price");
        say(MANAGER, "/new Own Account");
        say(MANAGER, "my own note");

        say(MANAGER, "/export --all");
        String withheld = dataJson(last);
        assertContains(withheld, "my own note");
        assertFalse(withheld.contains("secret price"), "no consent, no note texts");
        assertContains(last.stream().filter(Reply::hasDocument).findFirst().orElseThrow().plainText(), "1 more reps keep their note texts private");
        assertContains(withheld, "1,Acme Foods,,,1,");

        assertContains(say(REP, "/team share on"), "now carries your note texts");
        say(MANAGER, "/export --all");
        assertContains(dataJson(last), "secret price");

        say(REP, "/team share off");
        say(MANAGER, "/export --all");
        assertFalse(dataJson(last).contains("secret price"), "consent withdrawn");
        say(REP, "/export");
        assertContains(dataJson(last), "secret price");
        List<Audit.Entry> entries = coach.store().inTransaction(tx -> Audit.newest(tx, 50));
        assertEquals(3, entries.stream().filter(en -> en.action().equals("export.all") && en.userId() == MANAGER).count(),
                "every admin export is audited: " + entries);
    }

    @Test
    void helpListsTheTeamCommands() {
        String help = say(REP, "/help");
        assertContains(help, "/team");
        assertContains(help, "/join");
    }

    private static String dataJson(List<Reply> replies) throws IOException {
        Reply doc = replies.stream().filter(Reply::hasDocument).findFirst()
                .orElseThrow(() -> new AssertionError("no file in " + replies));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(doc.document().content()))) {
            StringBuilder all = new StringBuilder();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
            return all.toString();
        }
    }
}
