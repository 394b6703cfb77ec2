package coach.kam.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the inference runtime's native libraries, the tokenizer's and the models are unpacked:
 * once, under a folder of ours (by default {@code <data>/runtime}, or {@code KAM_RUNTIME_DIR}),
 * and found there at the next start, so nothing large is written at start elsewhere, and with
 * {@code -Djava.io.tmpdir} under the data folder a read-only root works. Without {@link #use} (tests, tools) the
 * libraries' own temporary files are used as before.
 */
public final class RuntimeFiles {
    private static final String ORT_NATIVE = "ai/onnxruntime/native/";
    private static final List<String> ORT_LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
    private static volatile Path folder;
    private static boolean prepared;

    private RuntimeFiles() {
    }

    /** Unpacks into {@code dir} from the first model load on (see {@link #prepare}). */
    public static synchronized void use(Path dir) {
        folder = dir;
    }

    /**
     * Before the first model loads: points the inference runtime at its libraries in the folder
     * (unpacked now if missing), the tokenizer's cache there, and the temporary folder there when
     * the system's is not writable. Does nothing without a folder, or when done already.
     */
    static synchronized void prepare() {
        Path dir = folder;
        if (dir == null || prepared) {
            return;
        }
        prepared = true;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // not writable (a read-only data folder for a one-shot command): temporary files as before
            folder = null;
            return;
        }
        if (System.getenv("ENGINE_CACHE_DIR") == null && System.getProperty("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", dir.resolve("djl").toString());
        }
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dir.resolve("djl").toString());
        }
        // The runtime writes an empty folder into java.io.tmpdir at every load. The JVM reads that
        // setting once at its start, so a read-only root is served by -Djava.io.tmpdir=<data>/runtime/tmp
        // (as the image does), a folder made here when it is missing.
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(tmp)) {
            try {
                Files.createDirectories(tmp);
            } catch (IOException e) {
                // reported by the runtime itself when it loads
            }
        }
        if (System.getProperty("onnxruntime.native.path") == null) {
            ortFolder().ifPresent(p -> System.setProperty("onnxruntime.native.path", p.toString()));
        }
    }

    /** The folder in use, if one was set. */
    static Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * The model {@code name} from the class path as a file: under the folder in use (unpacked once;
     * {@code temporary} false), else a temporary copy the caller deletes ({@code temporary} true).
     */
    record ModelFile(Path path, boolean temporary) {
    }

    static ModelFile model(ClassLoader loader, String name) throws IOException {
        Path dir = folder;
        if (dir == null) {
            Path file = Files.createTempFile("kam-model-", ".onnx");
            try (InputStream in = open(loader, name)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new ModelFile(file, true);
        }
        return new ModelFile(unpacked(loader, name, dir.resolve("models").resolve(name)), false);
    }

    /** The inference runtime's libraries for this platform, unpacked under the folder (empty: not packed for it). */
    private static Optional<Path> ortFolder() {
        String platform = ortPlatform();
        ClassLoader loader = RuntimeFiles.class.getClassLoader();
        String ext = platform.startsWith("osx") ? ".dylib" : platform.startsWith("win") ? ".dll" : ".so";
        String prefix = platform.startsWith("win") ? "" : "lib";
        Path target = folder.resolve("onnxruntime").resolve(platform);
        try {
            for (String lib : ORT_LIBRARIES) {
                String name = prefix + lib + ext;
                if (loader.getResource(ORT_NATIVE + platform + "/" + name) == null) {
                    return Optional.empty();
                }
                unpacked(loader, ORT_NATIVE + platform + "/" + name, target.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the inference runtime into " + target, e);
        }
        return Optional.of(target);
    }

    /**
     * The resource as a file at {@code target}: kept when it is there with the resource's size,
     * else written beside it and moved in place, so a half-written file is never used.
     */
    private static Path unpacked(ClassLoader loader, String resource, Path target) throws IOException {
        long size;
        try (InputStream in = open(loader, resource)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try (InputStream in = open(loader, resource)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String ortPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") ? "aarch64" : arch;
        return o + "-" + a;
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }
}
