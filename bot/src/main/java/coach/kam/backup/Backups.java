package coach.kam.backup;

import coach.kam.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup: once a day, at the configured time in the clock's zone, a consistent copy of
 * the store goes to {@code <data>/backups/kam-coach-YYYY-MM-DD.db}. The newest 7 daily copies are
 * kept, and the newest copy of each of the last 4 weeks; older ones are deleted. A day's copy is
 * made once: what is on disk says whether it was (no other state), so a bot that was down at the
 * time makes it when it starts.
 */
public final class Backups implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    static final int DAILY_KEPT = 7;
    static final int WEEKLY_KEPT = 4;
    static final int COMPACT_EVERY_DAYS = 7;
    private static final Pattern DAILY = Pattern.compile("kam-coach-(\\d{4}-\\d{2}-\\d{2})\\.db");

    private final Store store;
    private final Path dataDir;
    private final Optional<LocalTime> at;
    private final Clock clock;
    private final Snapshots snapshots;
    private ScheduledExecutorService timer;
    static final java.time.Duration RETRY_AFTER_FAILURE = java.time.Duration.ofMinutes(15);
    /** After a failed daily backup: not tried before this. */
    private volatile java.time.Instant retryAt;

    public Backups(Store store, Path dataDir, Optional<LocalTime> at, Clock clock) {
        this.store = store;
        this.dataDir = dataDir;
        this.at = at;
        this.clock = clock;
        this.snapshots = new Snapshots(store, dataDir);
    }

    public Path folder() {
        return dataDir.resolve("backups");
    }

    /** Makes today's copy if its time has come and it is not there; returns it when it was made now. */
    public Optional<Path> runDue() {
        if (at.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (now.toLocalTime().isBefore(at.get())) {
            return Optional.empty();
        }
        Path today = folder().resolve("kam-coach-" + now.toLocalDate() + ".db");
        if (Files.exists(today)) {
            return Optional.empty();
        }
        store.copyTo(today);
        prune();
        LOG.info("backup written to {}", today);
        compactWeekly(now.toLocalDate());
        return Optional.of(today);
    }

    /**
     * After the day's backup, once a week: the store is rewritten without deleted records (the
     * bot serves meanwhile; see {@link Store#compact()}). The day of the last one is kept in
     * {@code backups/last-compaction}.
     */
    void compactWeekly(LocalDate today) {
        Path marker = folder().resolve("last-compaction");
        try {
            if (Files.exists(marker)) {
                LocalDate last = LocalDate.parse(Files.readString(marker).strip());
                if (last.plusDays(COMPACT_EVERY_DAYS).isAfter(today)) {
                    return;
                }
            }
            coach.kam.store.Compaction.Done done = store.compact();
            Files.writeString(marker, today + "\n");
            LOG.info("weekly compaction: {} records, {} -> {} bytes", done.records(), done.bytesBefore(),
                    done.bytesAfter());
        } catch (UnsupportedOperationException e) {
            LOG.debug("this store is not compacted");
        } catch (IOException | RuntimeException e) {
            LOG.warn("weekly compaction did not run: {}", e.getMessage());
        }
    }

    /** Deletes daily copies that neither the last 7 days' nor the last 4 weeks' rule keeps. */
    public List<Path> prune() {
        Map<LocalDate, Path> daily = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path p : files.toList()) {
                Matcher m = DAILY.matcher(p.getFileName().toString());
                if (m.matches()) {
                    daily.put(LocalDate.parse(m.group(1)), p);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        Set<LocalDate> keep = kept(daily.keySet());
        List<Path> deleted = new ArrayList<>();
        daily.forEach((day, p) -> {
            if (!keep.contains(day)) {
                try {
                    Files.deleteIfExists(p);
                    deleted.add(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete old backup {}: {}", p, e.toString());
                }
            }
        });
        return deleted;
    }

    /** The 7 newest days, and the newest day of each of the 4 newest ISO weeks. */
    static Set<LocalDate> kept(java.util.Collection<LocalDate> days) {
        List<LocalDate> newestFirst = days.stream().sorted(Comparator.reverseOrder()).toList();
        Set<LocalDate> keep = new TreeSet<>(newestFirst.subList(0, Math.min(DAILY_KEPT, newestFirst.size())));
        Set<String> weeks = new TreeSet<>();
        for (LocalDate d : newestFirst) {
            String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < WEEKLY_KEPT && weeks.add(week)) {
                keep.add(d);
            }
        }
        return keep;
    }

    /** In the running bot: snapshot requests answered every second, the daily backup looked for every minute. */
    public Backups start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kam-backups");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::serveQuietly, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::backupQuietly, 5, 60, TimeUnit.SECONDS);
        return this;
    }

    private void serveQuietly() {
        try {
            snapshots.serve();
        } catch (RuntimeException e) {
            LOG.warn("snapshot request failed: {}", e.toString());
        }
    }

    /**
     * The daily backup from the timer. It is not tried while the store takes no writes, and after a
     * failure (a full disk: the partial file is removed) not again for {@link #RETRY_AFTER_FAILURE},
     * so a disk that stays full does not have the store's lock taken for a copy every minute.
     */
    private void backupQuietly() {
        if (store.outage().isPresent() || (retryAt != null && clock.instant().isBefore(retryAt))) {
            return;
        }
        try {
            runDue();
            retryAt = null;
        } catch (RuntimeException e) {
            retryAt = clock.instant().plus(RETRY_AFTER_FAILURE);
            LOG.error("daily backup failed; tried again at {}: {}", retryAt, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            // a backup in progress finishes: an interrupt could close the store's file channel under it
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
