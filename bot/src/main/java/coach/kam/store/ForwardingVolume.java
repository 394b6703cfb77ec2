package coach.kam.store;

import java.io.File;
import java.nio.ByteBuffer;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/** A MapDB volume that passes every call to another; subclasses change the calls they care about. */
abstract class ForwardingVolume extends Volume {
    protected final Volume v;

    ForwardingVolume(Volume v) {
        this.v = v;
    }

    @Override
    public void ensureAvailable(long offset) {
        v.ensureAvailable(offset);
    }

    @Override
    public void truncate(long size) {
        v.truncate(size);
    }

    @Override
    public void putLong(long offset, long value) {
        v.putLong(offset, value);
    }

    @Override
    public void putInt(long offset, int value) {
        v.putInt(offset, value);
    }

    @Override
    public void putByte(long offset, byte value) {
        v.putByte(offset, value);
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        v.putData(offset, src, srcPos, srcSize);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        v.putData(offset, buf);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        v.clear(startOffset, endOffset);
    }

    @Override
    public void sync() {
        v.sync();
    }

    @Override
    public long getLong(long offset) {
        return v.getLong(offset);
    }

    @Override
    public int getInt(long offset) {
        return v.getInt(offset);
    }

    @Override
    public byte getByte(long offset) {
        return v.getByte(offset);
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        return v.getDataInput(offset, size);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        v.getData(offset, bytes, bytesPos, size);
    }

    @Override
    public void close() {
        v.close();
    }

    @Override
    public boolean isClosed() {
        return v.isClosed();
    }

    @Override
    public void deleteFile() {
        v.deleteFile();
    }

    @Override
    public int sliceSize() {
        return v.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return v.isSliced();
    }

    @Override
    public long length() {
        return v.length();
    }

    @Override
    public boolean isReadOnly() {
        return v.isReadOnly();
    }

    @Override
    public File getFile() {
        return v.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return v.getFileLocked();
    }
}
