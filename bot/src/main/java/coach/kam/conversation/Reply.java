package coach.kam.conversation;

import coach.kam.text.Html;
import java.util.List;

/**
 * What the bot says back. {@code html} uses the small HTML subset Telegram accepts (b, i, code);
 * every string a user typed is escaped before it is put in. Adapters render it: Telegram as HTML,
 * the console as plain text. A reply may carry a file ({@link Document}); its {@code html} is then
 * the file's caption.
 */
public record Reply(String html, List<List<Button>> buttons, Document document) {

    /**
     * A file sent with a reply. {@code bytes} are the content; once the reply waits in the send
     * queue they are kept aside in the store and {@code ref} names them instead. A large file (an
     * export) stays on disk instead: {@code file} is its path, read as it is sent and removed once
     * sent. A {@code photo} (a PNG chart) is shown as a picture in the chat rather than as a file
     * to download.
     */
    public record Document(String fileName, byte[] bytes, String ref, boolean photo, String file) {
        public Document(String fileName, byte[] bytes, String ref) {
            this(fileName, bytes, ref, false, null);
        }

        public Document(String fileName, byte[] bytes, String ref, boolean photo) {
            this(fileName, bytes, ref, photo, null);
        }

        /** The content, from memory or read from its file (empty when neither is there). */
        public byte[] content() {
            if (bytes != null) {
                return bytes;
            }
            if (file != null) {
                try {
                    return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return new byte[0];
        }

        public Document {
            if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
                throw new IllegalArgumentException("a document needs a plain file name: " + fileName);
            }
        }

        public Document withBytes(byte[] content) {
            return new Document(fileName, content, ref, photo, file);
        }

        public Document withRef(String reference) {
            return new Document(fileName, null, reference, photo, file);
        }
    }

    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        html = html == null ? "" : html;
    }

    public Reply(String html, List<List<Button>> buttons) {
        this(html, buttons, null);
    }

    public static Reply of(String html) {
        return new Reply(html, List.of());
    }

    /** A file with a caption (HTML, at most 1024 characters as Telegram counts them). */
    public static Reply document(String fileName, byte[] bytes, String captionHtml) {
        return new Reply(captionHtml, List.of(), new Document(fileName, bytes, null));
    }

    /** A file on disk with a caption; the send queue removes the file once it is sent. */
    public static Reply file(String fileName, java.nio.file.Path file, String captionHtml) {
        return new Reply(captionHtml, List.of(), new Document(fileName, null, null, false,
                file.toAbsolutePath().toString()));
    }

    /** A picture (PNG) with a caption, shown in the chat as a photo. */
    public static Reply photo(String fileName, byte[] png, String captionHtml, List<List<Button>> buttons) {
        return new Reply(captionHtml, buttons, new Document(fileName, png, null, true));
    }

    public boolean hasDocument() {
        return document != null;
    }

    /** The same reply with its document replaced. */
    public Reply withDocument(Document d) {
        return new Reply(html, buttons, d);
    }

    /** The text without markup, as a person reads it. */
    public String plainText() {
        return Html.toPlain(html);
    }
}
