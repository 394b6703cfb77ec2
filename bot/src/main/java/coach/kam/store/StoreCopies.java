package coach.kam.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.mapdb.BTreeMap;

/**
 * A {@link MapDbStore}'s copies and compactions, made while it serves: the copy is read in chunks
 * of a few milliseconds under the store's lock ({@link LiveCopy} says why it is consistent). One at
 * a time.
 */
final class StoreCopies implements LiveCopy.Source {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreCopies.class);

    private final MapDbStore store;
    private final StoreFile file;
    private final ReentrantLock lock;
    /** One live copy (a backup, a snapshot, a compaction) at a time. */
    private final ReentrantLock copying = new ReentrantLock();
    private volatile LiveCopy.Holds lastCopy;

    StoreCopies(MapDbStore store, StoreFile file, ReentrantLock lock) {
        this.store = store;
        this.file = file;
        this.lock = lock;
    }

    /** Writes a consistent copy of everything committed to {@code target}; it appears complete or not at all. */
    void copyTo(Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        copying.lock();
        try {
            Files.deleteIfExists(part);
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            LiveCopy live = new LiveCopy(lock, this);
            live.write(part, copy -> { });
            lastCopy = live.holds();
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException | RuntimeException | AssertionError e) {
            throw failed(e, part, "cannot write the copy " + target, "the partial file was removed");
        } finally {
            copying.unlock();
        }
    }

    /**
     * A live copy whose last step, under the lock, closes the store, puts the copy in its place and
     * opens it again. The old file is kept (as a link) until the new one opened; if it does not, the
     * old one goes back.
     */
    Compaction.Done compact() {
        Path path = file.path();
        Path fresh = path.resolveSibling(MapDbStore.FILE_NAME + ".compact");
        Path old = path.resolveSibling(MapDbStore.FILE_NAME + ".old");
        copying.lock();
        try {
            Files.deleteIfExists(fresh);
            Files.deleteIfExists(old);
            long before = Files.size(path);
            long[] records = new long[1];
            LiveCopy live = new LiveCopy(lock, this);
            live.write(fresh, copy -> {
                records[0] = live.records();
                copy.close();
                swapIn(fresh, old);
            });
            lastCopy = live.holds();
            Files.deleteIfExists(old);
            return new Compaction.Done(before, Files.size(path), records[0]);
        } catch (java.io.IOException | RuntimeException | AssertionError e) {
            throw failed(e, fresh, "cannot compact the store " + path, "the store was not changed");
        } finally {
            copying.unlock();
        }
    }

    /** A copy that failed: its partial file removed, an outage passed on as it is, anything else said plainly. */
    private static RuntimeException failed(Throwable e, Path partial, String what, String after) {
        deleteQuietly(partial);
        if (e instanceof StoreOutage o) {
            return o;
        }
        return new StoreException(what + ": " + Faults.describe(e) + "; " + after, e);
    }

    /** Under the lock, with no transaction open: the compacted copy replaces the store file. */
    private void swapIn(Path fresh, Path old) {
        file.disconnect();
        try {
            try {
                Files.createLink(old, file.path());
            } catch (UnsupportedOperationException | java.io.IOException e) {
                LOG.debug("no link to keep the old store file while the compacted one opens: {}", e.toString());
            }
            Files.move(fresh, file.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            file.connect();
            throw new StoreException("cannot put the compacted file in place: " + e.getMessage(), e);
        }
        try {
            file.connect();
        } catch (RuntimeException | AssertionError e) {
            file.closeFiles();
            try {
                if (Files.exists(old)) {
                    Files.move(old, file.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                file.connect();
            } catch (java.io.IOException | RuntimeException | AssertionError again) {
                e.addSuppressed(again);
                store.stop("the store cannot be reopened after compaction: " + Faults.describe(e), e);
            }
            throw new StoreException("the compacted file did not open (" + Faults.describe(e)
                    + "); the old one is back in place", e);
        }
    }

    /** How the last copy or compaction held the store's lock, or empty before the first. */
    Optional<String> lastCopyHolds() {
        LiveCopy.Holds h = lastCopy;
        return h == null ? Optional.empty()
                : Optional.of(String.format(java.util.Locale.ROOT, "%d holds, longest %.1f ms", h.count(), h.longestMillis()));
    }

    @Override
    public void readable() {
        store.readable();
    }

    @Override
    public List<String> names() {
        return file.sortedNames().stream().filter(LiveCopy::copied).toList();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public BTreeMap<Object, Object> live(String name) {
        return switch (name) {
            case "sequences" -> (BTreeMap) file.sequences;
            case HandledWindow.IDS, HandledWindow.ORDER -> (BTreeMap) file.handled.live(name);
            default -> (BTreeMap) file.map(name.substring(2));
        };
    }

    @Override
    public void note(LiveCopy.Changes changes) {
        file.noting(changes);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // nothing more to do
        }
    }
}
