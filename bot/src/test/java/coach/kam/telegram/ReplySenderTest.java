package coach.kam.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The one place that decides retries, with time recorded instead of slept. */
class ReplySenderTest {
    private final TelegramClient client = mock(TelegramClient.class);
    private final List<Duration> waited = new ArrayList<>();
    private final ReplySender sender = new ReplySender(client, waited::add);
    private final SendMessage hello = SendMessage.builder().chatId(1L).text("hello").build();

    @Test
    void tooManyRequestsWaitsWhatTelegramAsksThenSends() throws Exception {
        when(client.execute(any(SendMessage.class))).thenThrow(error("{\"ok\":false,\"error_code\":429,"
                + "\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}"))
                .thenReturn(new Message());
        sender.execute(hello);
        assertEquals(List.of(Duration.ofSeconds(7)), waited);
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    @Test
    void aBadRequestIsNotRetried() throws Exception {
        when(client.execute(any(SendMessage.class))).thenThrow(error(
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
        assertNull(sender.execute(hello));
        assertEquals(List.of(), waited);
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void serverAndNetworkErrorsBackOffAFewTimesThenGiveUp() throws Exception {
        when(client.execute(any(SendMessage.class)))
                .thenThrow(error("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"))
                .thenThrow(new TelegramApiException("connection reset"));
        assertNull(sender.execute(hello));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                waited);
        verify(client, times(4)).execute(any(SendMessage.class));
    }

    private static TelegramApiRequestException error(String json) throws Exception {
        ApiResponse<Object> response = new ObjectMapper().readValue(json, new TypeReference<ApiResponse<Object>>() { });
        return new TelegramApiRequestException("refused", response);
    }
}
