package coach.kam.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.store.MapDbStore;
import coach.kam.store.Table;
import coach.kam.testing.Kept;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTest {
    private static final String CODE = "Spring-2024";
    private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
    /** The table Access keeps members in, read directly to see what was stored. */
    private static final Table<Access.Member> MEMBERS = Kept.table("members", Access.Member.class);

    @TempDir
    Path dir;
    private MapDbStore store;

    @BeforeEach
    void open() {
        store = MapDbStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Access access(Set<Long> allowed, Set<Long> admins, Optional<String> invite, boolean open) {
        return new Access(store, allowed, admins, invite, open);
    }

    private Access withInvite() {
        return access(Set.of(), Set.of(), Optional.of(CODE), false);
    }

    private List<Access.Member> storedMembers() {
        return store.inTransaction(tx -> tx.withPrefix(MEMBERS, ""));
    }

    @Test
    void listedUsersAreAllowedOthersNot() {
        Access access = access(Set.of(1L, 2L), Set.of(), Optional.empty(), false);
        assertTrue(access.isAllowed(1));
        assertTrue(access.isAllowed(2));
        assertFalse(access.isAllowed(3));
        assertFalse(access.isAdmin(1));
    }

    @Test
    void adminsAreAllowedAndAdmin() {
        Access access = access(Set.of(1L), Set.of(9L), Optional.empty(), false);
        assertTrue(access.isAdmin(9));
        assertTrue(access.isAllowed(9));
        assertFalse(access.isAdmin(1));
        assertFalse(access.isAdmin(3));
    }

    @Test
    void openAccessLetsAnyoneInButMakesNoAdmins() {
        Access access = access(Set.of(), Set.of(), Optional.empty(), true);
        assertTrue(access.isAllowed(12345));
        assertTrue(access.isAllowed(-1));
        assertFalse(access.isAdmin(12345));
        assertEquals(List.of(), storedMembers());
    }

    @Test
    void closedWithNoListAllowsNobody() {
        Access access = access(Set.of(), Set.of(), Optional.empty(), false);
        assertFalse(access.isAllowed(1));
        assertFalse(access.tryInvite(1, "/start anything", NOW));
        assertFalse(access.tryInvite(1, "", NOW));
        assertFalse(access.isAllowed(1));
    }

    @Test
    void inviteCodeAdmitsAndIsRemembered() {
        Access access = withInvite();
        assertFalse(access.isAllowed(5));

        assertTrue(access.tryInvite(5, "/start " + CODE, NOW));

        assertTrue(access.isAllowed(5));
        assertFalse(access.isAdmin(5));
        assertFalse(access.isAllowed(6), "only the user who sent the code is admitted");
        assertEquals(List.of(new Access.Member(5, NOW)), storedMembers());
    }

    @ParameterizedTest
    @ValueSource(strings = {CODE, "  " + CODE + "\n", "/start " + CODE, "/start   " + CODE + "  "})
    void codeWorksAloneOrAfterStart(String text) {
        Access access = withInvite();
        assertTrue(access.tryInvite(5, text, NOW));
        assertTrue(access.isAllowed(5));
    }

    @Test
    void admissionSurvivesReopeningTheStore() {
        assertTrue(withInvite().tryInvite(5, "/start " + CODE, NOW));
        store.close();

        store = MapDbStore.open(dir);
        Access reopened = withInvite();

        assertTrue(reopened.isAllowed(5));
        assertFalse(reopened.isAllowed(6));
        assertEquals(List.of(new Access.Member(5, NOW)), storedMembers());
    }

    @Test
    void admissionKeepsWorkingIfTheCodeIsLaterRemoved() {
        assertTrue(withInvite().tryInvite(5, CODE, NOW));
        store.close();

        store = MapDbStore.open(dir);
        Access noCodeAnyMore = access(Set.of(), Set.of(), Optional.empty(), false);

        assertTrue(noCodeAnyMore.isAllowed(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-code", "spring-2024", "Spring-202", "Spring-20244", "/start", "/start wrong",
            "", "   ", "hello", "/start " + CODE + " extra", "/help " + CODE})
    void wrongCodeIsRefused(String text) {
        Access access = withInvite();

        assertFalse(access.tryInvite(5, text, NOW));

        assertFalse(access.isAllowed(5));
    }

    @Test
    void nullTextIsRefused() {
        assertFalse(withInvite().tryInvite(5, null, NOW));
    }

    @Test
    void nothingIsStoredForRefusedUsers() {
        Access access = withInvite();
        for (long user = 100; user < 110; user++) {
            assertFalse(access.isAllowed(user));
            assertFalse(access.tryInvite(user, "/start nope-" + user, NOW));
            assertFalse(access.isAllowed(user));
        }
        assertEquals(List.of(), storedMembers());

        store.close();
        store = MapDbStore.open(dir);
        assertEquals(List.of(), storedMembers(), "nothing reached the file either");
    }

    @Test
    void listedUsersAndAdminsAreNotStored() {
        Access access = access(Set.of(1L), Set.of(9L), Optional.of(CODE), false);
        assertTrue(access.isAllowed(1));
        assertTrue(access.isAllowed(9));
        assertEquals(List.of(), storedMembers());
    }

    @Test
    void inviteWorksAlongsideTheAllowedList() {
        Access access = access(Set.of(1L), Set.of(9L), Optional.of(CODE), false);
        assertFalse(access.isAllowed(5));
        assertTrue(access.tryInvite(5, "/start " + CODE, NOW));
        assertTrue(access.isAllowed(5));
        assertTrue(access.isAllowed(1));
        assertTrue(access.isAllowed(9));
    }

    @Test
    void membersAreKeptPerUser() {
        Access access = withInvite();
        assertTrue(access.tryInvite(5, CODE, NOW));
        assertTrue(access.tryInvite(6, CODE, NOW.plusSeconds(60)));
        assertFalse(access.tryInvite(7, "guess", NOW));

        assertTrue(access.isAllowed(5));
        assertTrue(access.isAllowed(6));
        assertFalse(access.isAllowed(7));
        assertEquals(Set.of(new Access.Member(5, NOW), new Access.Member(6, NOW.plusSeconds(60))),
                Set.copyOf(storedMembers()));
    }

    @Test
    void constructorCopiesTheSets() {
        java.util.Set<Long> allowed = new java.util.HashSet<>(Set.of(1L));
        Access access = access(allowed, Set.of(), Optional.empty(), false);
        allowed.add(2L);
        assertFalse(access.isAllowed(2));
    }
}
