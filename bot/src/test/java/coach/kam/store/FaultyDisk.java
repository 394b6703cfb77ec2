package coach.kam.store;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * A disk that fills up: the store's files are real files, and every write to them (a put, a
 * clear, a growth, a truncation, an fsync) is counted; from write number {@code failAt} on, each
 * fails as a full disk does ("No space left on device"), the first of them after writing half its
 * bytes, so the file is torn there. {@link #free()} gives the space back. Reads always work.
 */
public final class FaultyDisk extends VolumeFactory {
    private final VolumeFactory files = FileVolumes.FACTORY;
    private long writes;
    private long failAt;
    private boolean full;
    private int failures;

    public FaultyDisk(long failAt) {
        this.failAt = failAt <= 0 ? Long.MAX_VALUE : failAt;
    }

    /** Writes done (or tried) so far. */
    /** The disk fills up after {@code more} further writes. */
    public synchronized void fillAfter(long more) {
        failAt = writes + Math.max(1, more);
    }

    public synchronized long writes() {
        return writes;
    }

    /** Writes refused so far. */
    public synchronized int failures() {
        return failures;
    }

    public synchronized boolean full() {
        return full;
    }

    /** Waits until {@code n} writes were refused; false on timeout. */
    public synchronized boolean awaitRefusals(int n, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failures < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Space is back: writes work again. */
    public synchronized void free() {
        full = false;
        failAt = Long.MAX_VALUE;
    }

    /** Counts one write; false when it is the one that tears (do half of it, then fail). */
    private synchronized boolean write() {
        writes++;
        if (full) {
            failures++;
            notifyAll();
            throw noSpace();
        }
        if (writes >= failAt) {
            full = true;
            failures++;
            notifyAll();
            return false;
        }
        return true;
    }

    private static DBException.VolumeIOError noSpace() {
        return new DBException.VolumeIOError(new IOException("No space left on device"));
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                             boolean fixedSize) {
        return new Faulty(files.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize));
    }

    @Override
    public boolean exists(String file) {
        return files.exists(file);
    }

    @Override
    public boolean handlesReadonly() {
        return files.handlesReadonly();
    }

    /** One file of the store, its writes going through the disk's count. */
    private final class Faulty extends ForwardingVolume {
        Faulty(Volume v) {
            super(v);
        }

        @Override
        public void ensureAvailable(long offset) {
            if (offset > v.length() && !write()) {
                throw noSpace();
            }
            v.ensureAvailable(offset);
        }

        @Override
        public void truncate(long size) {
            if (!write()) {
                throw noSpace();
            }
            v.truncate(size);
        }

        @Override
        public void putLong(long offset, long value) {
            if (!write()) {
                v.putInt(offset, (int) (value >>> 32));
                throw noSpace();
            }
            v.putLong(offset, value);
        }

        @Override
        public void putInt(long offset, int value) {
            if (!write()) {
                throw noSpace();
            }
            v.putInt(offset, value);
        }

        @Override
        public void putByte(long offset, byte value) {
            if (!write()) {
                throw noSpace();
            }
            v.putByte(offset, value);
        }

        @Override
        public void putData(long offset, byte[] src, int srcPos, int srcSize) {
            if (!write()) {
                v.putData(offset, src, srcPos, srcSize / 2);
                throw noSpace();
            }
            v.putData(offset, src, srcPos, srcSize);
        }

        @Override
        public void putData(long offset, ByteBuffer buf) {
            if (!write()) {
                ByteBuffer half = buf.duplicate();
                half.limit(half.position() + half.remaining() / 2);
                v.putData(offset, half);
                throw noSpace();
            }
            v.putData(offset, buf);
        }

        @Override
        public void clear(long startOffset, long endOffset) {
            if (!write()) {
                throw noSpace();
            }
            v.clear(startOffset, endOffset);
        }

        /**
         * Counted as a write, and it fails like one when the disk is full; the data is not forced to
         * the device, since no power is lost here (the process goes on, or the file is opened again),
         * and hundreds of runs of fsyncs would only make the test slow.
         */
        @Override
        public void sync() {
            if (!write()) {
                throw noSpace();
            }
        }

    }
}
