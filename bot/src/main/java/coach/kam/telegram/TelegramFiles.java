package coach.kam.telegram;

import coach.kam.conversation.Event;
import java.io.IOException;
import java.io.InputStream;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Downloads a file a user sent: getFile through the client, then a GET of
 * {@code <Bot API address>/file/bot<token>/<file_path>}. The client's own download methods build
 * the address with File.getFileUrl, which always names the public server, so they would miss a
 * local Bot API server (and the test fake). A download is read as a stream and stops at the
 * reader's cap, whatever size the message claimed (Telegram may leave it out).
 */
final class TelegramFiles {
    private final TelegramClient client;
    private final okhttp3.OkHttpClient http;
    private final String fileBase;

    TelegramFiles(TelegramClient client, okhttp3.OkHttpClient http, java.net.URI apiUrl, String token) {
        this.client = client;
        this.http = http;
        String base = apiUrl.toString();
        this.fileBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/file/bot" + token + "/";
    }

    /**
     * Opens the download of a file, refusing with {@link Event.TooLarge} without downloading when
     * Telegram's getFile or the download's length says it has more than {@code maxBytes}. The
     * stream is read as it arrives (never whole into memory here); closing it ends the download.
     */
    InputStream open(String fileId, long maxBytes) throws IOException {
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiRequestException e) {
            if (e.getApiResponse() != null && e.getApiResponse().contains("file is too big")) {
                // over the bots' download limit, far over any cap here
                throw new Event.TooLarge(maxBytes);
            }
            throw new IOException("cannot get file " + fileId + ": " + e.getMessage(), e);
        } catch (TelegramApiException e) {
            throw new IOException("cannot get file " + fileId + ": " + e.getMessage(), e);
        }
        if (file == null || file.getFilePath() == null) {
            throw new IOException("Telegram gave no path for file " + fileId);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new Event.TooLarge(maxBytes);
        }
        okhttp3.Request request = new okhttp3.Request.Builder().url(fileBase + file.getFilePath()).get().build();
        okhttp3.Call call = http.newCall(request);
        okhttp3.Response response = call.execute();
        try {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("download of file " + fileId + " failed: HTTP " + response.code());
            }
            if (response.body().contentLength() > maxBytes) {
                call.cancel();
                throw new Event.TooLarge(maxBytes);
            }
            return new java.io.FilterInputStream(response.body().byteStream()) {
                private boolean ended;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    ended |= b < 0;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    ended |= n < 0;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    if (!ended) {
                        // left unread (over the cap): cut the download off rather than let the client drain the rest
                        call.cancel();
                    }
                    super.close();
                }
            };
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /** The core's view of a document in a message; its size is 0 when Telegram did not say. */
    Event.Attachment attachment(org.telegram.telegrambots.meta.api.objects.Document d) {
        String fileId = d.getFileId();
        long size = d.getFileSize() == null ? 0 : d.getFileSize();
        return new Event.Attachment(d.getFileName() == null ? "file" : d.getFileName(), size,
                Event.Content.streamed(max -> open(fileId, max)));
    }
}
