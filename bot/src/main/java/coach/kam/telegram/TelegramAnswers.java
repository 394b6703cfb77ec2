package coach.kam.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts Telegram's answers to the bot's calls by method and status ({@code 200}, {@code 429},
 * {@code 4xx}, {@code 5xx}, or {@code error} when no answer came), as
 * {@code kam_telegram_answers_total}.
 */
final class TelegramAnswers implements Interceptor {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    TelegramAnswers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        List<String> path = chain.request().url().pathSegments();
        String method = path.isEmpty() ? "" : path.get(path.size() - 1).toLowerCase(Locale.ROOT);
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException e) {
            count(method, "error");
            throw e;
        }
        count(method, status(response.code()));
        return response;
    }

    private static String status(int code) {
        if (code == 200 || code == 429) {
            return Integer.toString(code);
        }
        return code >= 500 ? "5xx" : code >= 400 ? "4xx" : Integer.toString(code);
    }

    private void count(String method, String status) {
        counters.computeIfAbsent(method + " " + status, k -> Counter.builder("kam.telegram.answers")
                .description("answers of the Bot API to the bot's calls").tag("method", method).tag("status", status)
                .register(registry)).increment();
    }
}
