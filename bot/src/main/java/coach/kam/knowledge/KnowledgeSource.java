package coach.kam.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the knowledge folder: the one given, else the copy packed into the jar (or on the class path). */
public final class KnowledgeSource {
    private KnowledgeSource() {
    }

    public static Path locate(Path given) {
        if (given != null) {
            if (!Files.isDirectory(given)) {
                throw new KnowledgeException(given.toString(), 0, "not a folder");
            }
            return given;
        }
        URL marker = KnowledgeSource.class.getResource("/knowledge/README.md");
        if (marker == null) {
            throw new KnowledgeException("knowledge/", 0, "no knowledge folder packed with the program; set KAM_KNOWLEDGE_DIR");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                return jarFileSystem(uri).getPath("/knowledge");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new KnowledgeException(marker.toString(), 0, e.getMessage());
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
