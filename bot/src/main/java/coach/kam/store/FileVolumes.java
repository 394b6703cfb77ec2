package coach.kam.store;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * MapDB's file-channel volumes with positional reads and writes that move on after a partial
 * transfer. MapDB 3.1's own {@code FileChannelVol.writeFully} writes what is left of a buffer at
 * the same offset again after a partial write, which a nearly full disk gives: the end of the buffer
 * lands over its start, silently, and the write may then succeed. Its {@code readFully} reads the
 * same way. Found by the tmpfs disk-full test; the file itself, its lock, growth, sync and close are
 * still MapDB's.
 */
final class FileVolumes extends VolumeFactory {
    static final FileVolumes FACTORY = new FileVolumes();

    private FileVolumes() {
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                             boolean fixedSize) {
        return new Exact(new File(file), readOnly, fileLockWait, sliceShift, initSize);
    }

    @Override
    public boolean exists(String file) {
        return new File(file).exists();
    }

    @Override
    public boolean handlesReadonly() {
        return true;
    }

    /**
     * MapDB's file-channel volume (its file, lock, growth, sync and close), with every read and
     * write done here, on its channel, advancing the offset after a partial transfer.
     */
    static final class Exact extends ForwardingVolume {
        private final FileChannel channel;

        Exact(File file, boolean readOnly, long fileLockWait, int sliceShift, long initSize) {
            this(new FileChannelVol(file, readOnly, fileLockWait, sliceShift, initSize));
        }

        private Exact(FileChannelVol v) {
            super(v);
            this.channel = channelOf(v);
        }

        private void write(long offset, ByteBuffer buf) {
            try {
                long at = offset;
                while (buf.hasRemaining()) {
                    at += channel.write(buf, at);
                }
            } catch (ClosedByInterruptException e) {
                throw new DBException.VolumeClosedByInterrupt(e);
            } catch (ClosedChannelException e) {
                throw new DBException.VolumeClosed(e);
            } catch (IOException e) {
                throw new DBException.VolumeIOError(e);
            }
        }

        private ByteBuffer read(long offset, int size) {
            ByteBuffer buf = ByteBuffer.allocate(size);
            try {
                long at = offset;
                while (buf.hasRemaining()) {
                    int n = channel.read(buf, at);
                    if (n < 0) {
                        throw new DBException.VolumeEOF("read beyond the end of " + v.getFile() + " at " + at);
                    }
                    at += n;
                }
            } catch (ClosedByInterruptException e) {
                throw new DBException.VolumeClosedByInterrupt(e);
            } catch (ClosedChannelException e) {
                throw new DBException.VolumeClosed(e);
            } catch (IOException e) {
                throw new DBException.VolumeIOError(e);
            }
            buf.flip();
            return buf;
        }

        @Override
        public void putLong(long offset, long value) {
            write(offset, ByteBuffer.allocate(8).putLong(0, value));
        }

        @Override
        public void putInt(long offset, int value) {
            write(offset, ByteBuffer.allocate(4).putInt(0, value));
        }

        @Override
        public void putByte(long offset, byte value) {
            write(offset, ByteBuffer.wrap(new byte[] {value}));
        }

        @Override
        public void putData(long offset, byte[] src, int srcPos, int srcSize) {
            write(offset, ByteBuffer.wrap(src, srcPos, srcSize));
        }

        @Override
        public void putData(long offset, ByteBuffer buf) {
            write(offset, buf.duplicate());
        }

        @Override
        public void clear(long startOffset, long endOffset) {
            byte[] zeros = new byte[(int) Math.min(1 << 16, Math.max(0, endOffset - startOffset))];
            for (long at = startOffset; at < endOffset; at += zeros.length) {
                write(at, ByteBuffer.wrap(zeros, 0, (int) Math.min(zeros.length, endOffset - at)));
            }
        }

        @Override
        public long getLong(long offset) {
            return read(offset, 8).getLong();
        }

        @Override
        public int getInt(long offset) {
            return read(offset, 4).getInt();
        }

        @Override
        public byte getByte(long offset) {
            return read(offset, 1).get();
        }

        @Override
        public DataInput2 getDataInput(long offset, int size) {
            return new DataInput2.ByteBuffer(read(offset, size), 0);
        }

        @Override
        public void getData(long offset, byte[] bytes, int bytesPos, int size) {
            read(offset, size).get(bytes, bytesPos, size);
        }

        /** The channel MapDB opened (a private field of FileChannelVol). */
        private static FileChannel channelOf(FileChannelVol v) {
            try {
                java.lang.reflect.Field f = FileChannelVol.class.getDeclaredField("channel");
                f.setAccessible(true);
                return (FileChannel) f.get(v);
            } catch (ReflectiveOperationException e) {
                v.close();
                throw new IllegalStateException("this MapDB has no FileChannelVol.channel", e);
            }
        }
    }
}
