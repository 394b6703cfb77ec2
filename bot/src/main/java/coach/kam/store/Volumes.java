package coach.kam.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mapdb.DB;
import org.mapdb.StoreWAL;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * The files of one open store: the MapDB file and its write-ahead log, opened through a factory
 * that remembers each, so that after a failed write they can be closed without MapDB writing
 * anything more to a file that may be torn. The store is opened as {@code DBMaker.fileDB(..)
 * .fileChannelEnable().transactionEnable()} opens it; only the volume factory is ours.
 */
final class Volumes extends VolumeFactory {
    /** MapDB's default lock striping (concurrency scale 8). */
    private static final int CONC_SHIFT = 3;

    private final VolumeFactory files;
    private final List<Volume> open = new ArrayList<>();
    /** The store file's name, whose writes go through a {@link RedoVolume}. */
    private String storeFile;

    /** {@code files} makes the volumes (MapDB's file-channel factory, or one that fails on purpose in tests). */
    Volumes(VolumeFactory files) {
        this.files = files == null ? FileVolumes.FACTORY : files;
    }

    /** Opens (or creates) the store file with its write-ahead log. */
    DB open(Path file) {
        String name = file.toString();
        storeFile = name;
        boolean exists = files.exists(name);
        StoreWAL store = StoreWAL.make(name, this, 0L, true, CONC_SHIFT, 0L, 0L, false, false, false, true, false);
        return new DB(store, exists, true, MapDbStore.class.getClassLoader(), 0);
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                             boolean fixedSize) {
        Volume v = file.equals(storeFile)
                ? RedoVolume.open(files, file, readOnly, fileLockWait, sliceShift, initSize, fixedSize)
                : files.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
        synchronized (open) {
            open.add(v);
        }
        return v;
    }

    @Override
    public boolean exists(String file) {
        return files.exists(file);
    }

    @Override
    public boolean handlesReadonly() {
        return files.handlesReadonly();
    }

    /**
     * Closes every file this factory opened, releasing the file lock, without a commit, a rollback
     * or a flush: what is on disk stays as the failed write left it, and the next open replays the
     * write-ahead log.
     */
    void closeHard() {
        List<Volume> all;
        synchronized (open) {
            all = new ArrayList<>(open);
            open.clear();
        }
        for (Volume v : all) {
            try {
                v.close();
            } catch (RuntimeException e) {
                // closing is all that is left to do; the next open sees the file as it is
            }
        }
    }
}
