package coach.kam.retrieval;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BM25 indexes of the packed knowledge, built during the build (Chinese word segmentation of
 * every chunk is most of the start-up work otherwise) and found by a hash of the chunks, the
 * Lucene version and the index layout; edited knowledge finds none and is indexed at run time.
 */
final class PrebuiltIndex {
    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltIndex.class);
    /** Changes whenever Bm25Index changes how it analyses or lays out a chunk. */
    private static final String LAYOUT = "bm25-v1:title_zh,title_en,body_zh,body_en";

    private PrebuiltIndex() {
    }

    static String resource(List<Chunk> chunks) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((LAYOUT + "|" + Version.LATEST).getBytes(StandardCharsets.UTF_8));
            for (Chunk c : chunks) {
                for (String part : List.of(c.title(), c.section(), c.text())) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return "/prebuilt/bm25-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32) + ".bin";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packed index for exactly these chunks, or null. */
    static ByteBuffersDirectory read(List<Chunk> chunks) {
        try (InputStream in = PrebuiltIndex.class.getResourceAsStream(resource(chunks))) {
            if (in == null) {
                return null;
            }
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            int files = data.readInt();
            for (int f = 0; f < files; f++) {
                String name = data.readUTF();
                byte[] bytes = new byte[data.readInt()];
                data.readFully(bytes);
                try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
                    out.writeBytes(bytes, bytes.length);
                }
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            LOG.warn("the packed search index could not be read ({}); building it", e.toString());
            return null;
        }
    }

    /** Writes the index files of {@code index}. */
    static void write(Bm25Index index, OutputStream out) throws IOException {
        ByteBuffersDirectory dir = index.directory();
        DataOutputStream data = new DataOutputStream(out);
        String[] names = dir.listAll();
        data.writeInt(names.length);
        for (String name : names) {
            try (IndexInput in = dir.openInput(name, IOContext.DEFAULT)) {
                byte[] bytes = new byte[(int) in.length()];
                in.readBytes(bytes, 0, bytes.length);
                data.writeUTF(name);
                data.writeInt(bytes.length);
                data.write(bytes);
            }
        }
        data.flush();
    }
}
