package coach.kam.telegram;

import coach.kam.conversation.Event;
import java.io.IOException;
import java.io.InputStream;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Downloads a file a user sent: getFile through the client, then a GET of
 * {@code <Bot API address>/file/bot<token>/<file_path>}. The client's own download methods build
 * the address with File.getFileUrl, which always names the public server, so they would miss a
 * local Bot API server (and the test fake).
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

    byte[] download(String fileId) throws IOException {
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiException e) {
            throw new IOException("cannot get file " + fileId + ": " + e.getMessage(), e);
        }
        if (file == null || file.getFilePath() == null) {
            throw new IOException("Telegram gave no path for file " + fileId);
        }
        okhttp3.Request request = new okhttp3.Request.Builder().url(fileBase + file.getFilePath()).get().build();
        try (okhttp3.Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("download of file " + fileId + " failed: HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                return in.readAllBytes();
            }
        }
    }

    /** The core's view of a document in a message. */
    Event.Attachment attachment(org.telegram.telegrambots.meta.api.objects.Document d) {
        String fileId = d.getFileId();
        long size = d.getFileSize() == null ? 0 : d.getFileSize();
        return new Event.Attachment(d.getFileName() == null ? "file" : d.getFileName(), size, () -> download(fileId));
    }
}
