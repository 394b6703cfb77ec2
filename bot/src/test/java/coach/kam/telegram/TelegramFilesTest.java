package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.Event;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Files a rep sends, downloaded from the fake Bot API with a cap: a file over it is refused as soon
 * as its size is known, and a file whose size Telegram did not tell is read only up to the cap.
 */
class TelegramFilesTest {
    private static final String TOKEN = "123456:FAKE-token_for-files";
    private static final long REP = 4242;
    private static final long CAP = 2L * 1024 * 1024;

    private FakeBotApi api;
    private OkHttpTelegramClient client;
    private TelegramFiles files;
    /** Bytes of file downloads taken off the network by the client. */
    private final AtomicLong consumed = new AtomicLong();

    @BeforeEach
    void start() {
        api = FakeBotApi.start(TOKEN);
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .addNetworkInterceptor(chain -> counted(chain.proceed(chain.request()))).build();
        client = new OkHttpTelegramClient(http, TOKEN, new TelegramUrl("http", "127.0.0.1", api.port(), false));
        files = new TelegramFiles(client, http, URI.create(api.baseUrl()), TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Response counted(Response response) {
        if (!response.request().url().encodedPath().startsWith("/file/") || response.body() == null) {
            return response;
        }
        ResponseBody body = response.body();
        ForwardingSource counting = new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    consumed.addAndGet(n);
                }
                return n;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(counting), body.contentType(), body.contentLength())).build();
    }

    /** The document of the update the fake just queued, as the bot receives it. */
    private Document received() throws Exception {
        List<Update> updates = client.execute(GetUpdates.builder().timeout(0).build());
        return updates.get(updates.size() - 1).getMessage().getDocument();
    }

    @Test
    void aFileWithoutASizeIsReadOnlyUpToTheCap() throws Exception {
        long size = 19L * 1024 * 1024;
        api.enqueueGeneratedDocument(REP, "blank.csv", size, false);
        Document d = received();
        assertNull(d.getFileSize(), "Telegram did not say how big the file is");
        Event.Attachment attachment = files.attachment(d);
        assertEquals(0, attachment.size());

        Event.TooLarge e = assertThrows(Event.TooLarge.class, () -> attachment.content().read(CAP));
        assertEquals(CAP, e.limit());
        assertEquals(1, api.fileDownloads());
        assertTrue(consumed.get() > CAP && consumed.get() <= CAP + 64 * 1024,
                "the download stopped at the cap: " + consumed.get() + " bytes taken of " + size);
        assertTrue(api.fileBytesServed() < size, "the rest was never sent: " + api.fileBytesServed());
    }

    @Test
    void aFileOverTheCapWhoseSizeGetFileTellsIsNotDownloaded() throws Exception {
        api.enqueueGeneratedDocument(REP, "big.csv", 3L * 1024 * 1024, true);
        Event.Attachment attachment = files.attachment(received());
        assertThrows(Event.TooLarge.class, () -> attachment.content().read(CAP));
        assertEquals(0, api.fileDownloads());
        assertEquals(0, consumed.get());
    }

    @Test
    void aFileOverTelegramsDownloadLimitIsTooLargeNotAFailedDownload() throws Exception {
        api.enqueueGeneratedDocument(REP, "huge.csv", 60L * 1024 * 1024, false);
        Event.Attachment attachment = files.attachment(received());
        assertEquals(0, attachment.size());
        assertThrows(Event.TooLarge.class, () -> attachment.content().read(CAP));
        assertEquals(0, api.fileDownloads());
    }

    @Test
    void aSmallFileWithoutASizeIsReadWhole() throws Exception {
        byte[] csv = "name,class\r\nACME Ltd,A\r\n".getBytes(StandardCharsets.UTF_8);
        api.enqueueDocumentWithoutSize(REP, "accounts.csv", csv);
        Event.Attachment attachment = files.attachment(received());
        assertArrayEquals(csv, attachment.content().read(CAP));
        assertArrayEquals(csv, attachment.content().read(csv.length), "a file exactly at the cap is not over it");
        assertEquals(List.of(), api.violations());
    }
}
