package coach.kam.store;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * The store file with a redo journal in front of it. MapDB's write-ahead log keeps the records of a
 * commit, but not the index and free-space pages it then writes into the file, so a write that
 * fails half-way through a commit (a full disk) leaves a file that no open can repair. Here the
 * writes of a commit are held in memory until MapDB syncs the file; then they go, whole and with a
 * CRC32C, to {@code <file>.redo} (synced), then into the file (synced), and the journal is
 * deleted. At open, a whole journal is written into the file again (the commit happened), and a
 * torn one is deleted (the file was not touched). What is held is one commit's pages, never the
 * whole data. Growing the file is done at once: it tears nothing.
 */
final class RedoVolume extends Volume {
    private static final long MAGIC = 0x4b414d5245444f31L; // "KAMREDO1"

    private final Volume file;
    private final String journal;
    private final VolumeFactory files;
    private final List<Write> held = new ArrayList<>();

    private record Write(long offset, byte[] bytes) {
    }

    private RedoVolume(Volume file, String journal, VolumeFactory files) {
        this.file = file;
        this.journal = journal;
        this.files = files;
    }

    /** Opens the store file through {@code files}, first finishing or dropping what a failed commit left. */
    static Volume open(VolumeFactory files, String name, boolean readOnly, long lockWait, int sliceShift, long initSize,
                       boolean fixedSize) {
        Volume v = files.makeVolume(name, readOnly, lockWait, sliceShift, initSize, fixedSize);
        RedoVolume redo = new RedoVolume(v, name + ".redo", files);
        try {
            redo.replay();
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
        return redo;
    }

    /** A whole journal is applied to the file again; a torn one is dropped. */
    private void replay() {
        if (!files.exists(journal)) {
            return;
        }
        Volume j = files.makeVolume(journal, false, 0L, 20, 0L, false);
        try {
            List<Write> writes = read(j);
            if (writes != null) {
                for (Write w : writes) {
                    file.ensureAvailable(w.offset + w.bytes.length);
                    file.putData(w.offset, w.bytes, 0, w.bytes.length);
                }
                file.sync();
            }
        } finally {
            j.close();
        }
        new File(journal).delete();
    }

    /** The writes of a whole journal, or null when it is torn (its end or its checksum missing). */
    private static List<Write> read(Volume j) {
        long length = j.length();
        if (length < 24 || j.getLong(0) != MAGIC) {
            return null;
        }
        int count = j.getInt(8);
        long pos = 12;
        CRC32C crc = new CRC32C();
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (pos + 12 > length) {
                return null;
            }
            long offset = j.getLong(pos);
            int size = j.getInt(pos + 8);
            if (size < 0 || pos + 12 + size > length) {
                return null;
            }
            byte[] b = new byte[size];
            j.getData(pos + 12, b, 0, size);
            crc.update(longBytes(offset));
            crc.update(b);
            writes.add(new Write(offset, b));
            pos += 12 + size;
        }
        if (pos + 8 > length || j.getLong(pos) != crc.getValue()) {
            return null;
        }
        return writes;
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** Journal, file, sync, no journal: the held writes of one commit, applied so that a failure tears nothing. */
    private void flush() {
        if (held.isEmpty()) {
            return;
        }
        List<Write> writes = new ArrayList<>(held);
        held.clear();
        long size = 12 + 8;
        for (Write w : writes) {
            size += 12 + w.bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        out.putLong(MAGIC).putInt(writes.size());
        CRC32C crc = new CRC32C();
        for (Write w : writes) {
            out.putLong(w.offset).putInt(w.bytes.length).put(w.bytes);
            crc.update(longBytes(w.offset));
            crc.update(w.bytes);
        }
        out.putLong(crc.getValue());
        Volume j = files.makeVolume(journal, false, 0L, 20, 0L, false);
        try {
            j.ensureAvailable(size);
            j.putData(0, out.array(), 0, out.position());
            j.sync();
        } finally {
            j.close();
        }
        for (Write w : writes) {
            file.putData(w.offset, w.bytes, 0, w.bytes.length);
        }
        file.sync();
        if (!new File(journal).delete()) {
            throw new DBException.VolumeIOError(new IOException("cannot delete the redo journal " + journal));
        }
    }

    private void hold(long offset, byte[] bytes) {
        held.add(new Write(offset, bytes));
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        file.ensureAvailable(offset);
    }

    @Override
    public synchronized void truncate(long size) {
        flush();
        file.truncate(size);
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        hold(offset, longBytes(value));
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        hold(offset, ByteBuffer.allocate(4).putInt(value).array());
    }

    @Override
    public synchronized void putByte(long offset, byte value) {
        hold(offset, new byte[] {value});
    }

    @Override
    public synchronized void putData(long offset, byte[] src, int srcPos, int srcSize) {
        byte[] b = new byte[srcSize];
        System.arraycopy(src, srcPos, b, 0, srcSize);
        hold(offset, b);
    }

    @Override
    public synchronized void putData(long offset, ByteBuffer buf) {
        byte[] b = new byte[buf.remaining()];
        buf.duplicate().get(b);
        hold(offset, b);
    }

    @Override
    public synchronized void clear(long startOffset, long endOffset) {
        hold(startOffset, new byte[Math.toIntExact(endOffset - startOffset)]);
    }

    @Override
    public synchronized void sync() {
        if (held.isEmpty()) {
            file.sync();
        } else {
            flush();
        }
    }

    @Override
    public synchronized long getLong(long offset) {
        flush();
        return file.getLong(offset);
    }

    @Override
    public synchronized int getInt(long offset) {
        flush();
        return file.getInt(offset);
    }

    @Override
    public synchronized byte getByte(long offset) {
        flush();
        return file.getByte(offset);
    }

    @Override
    public synchronized DataInput2 getDataInput(long offset, int size) {
        flush();
        return file.getDataInput(offset, size);
    }

    @Override
    public synchronized void getData(long offset, byte[] bytes, int bytesPos, int size) {
        flush();
        file.getData(offset, bytes, bytesPos, size);
    }

    /** Closes the file; writes still held belong to a commit that never synced, and are dropped. */
    @Override
    public synchronized void close() {
        held.clear();
        file.close();
    }

    @Override
    public boolean isClosed() {
        return file.isClosed();
    }

    @Override
    public void deleteFile() {
        file.deleteFile();
    }

    @Override
    public int sliceSize() {
        return file.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return file.isSliced();
    }

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public boolean isReadOnly() {
        return file.isReadOnly();
    }

    @Override
    public File getFile() {
        return file.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return file.getFileLocked();
    }
}
