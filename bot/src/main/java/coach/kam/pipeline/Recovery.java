package coach.kam.pipeline;

import coach.kam.quarantine.Quarantine;
import coach.kam.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start: what the previous process left in the inbox. An update that was in hand when it died
 * counts a death; at {@value Quarantine#MAX_DEATHS} it goes to the quarantine instead of killing
 * this process too.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    static List<Inbox.Entry> recover(Store store, InHand inHand, TurnHandler handler, Clock clock) {
        Set<Long> inHandAtDeath = inHand.read();
        List<Inbox.Entry> left = store.inTransaction(tx -> {
            List<Inbox.Entry> kept = new ArrayList<>();
            for (Inbox.Entry e : Inbox.all(tx)) {
                if (!inHandAtDeath.contains(e.seq())) {
                    kept.add(e);
                    continue;
                }
                Inbox.Entry dead = e.withDeath();
                if (dead.deaths() < Quarantine.MAX_DEATHS) {
                    LOG.warn("update {} from chat {} was in hand when the process stopped; it runs alone now",
                            e.updateId(), e.chatKey());
                    Inbox.put(tx, dead);
                    kept.add(dead);
                    continue;
                }
                LOG.error("update {} from chat {} was running at {} process deaths", dead.updateId(), dead.chatKey(),
                        dead.deaths());
                GroupRun.setAside(tx, new Pending(dead, null), dead, null, handler, clock);
            }
            return kept;
        });
        inHand.clear();
        return left;
    }
}
