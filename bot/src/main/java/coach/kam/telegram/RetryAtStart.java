package coach.kam.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the calls the long-polling session makes once at registration (deleteWebhook) as any
 * other call is retried: HTTP 429 after the retry_after Telegram asks for, a server error or a
 * dropped connection after a back-off from 0.5 s doubling to 30 s, each logged, until Telegram
 * answers otherwise. Any other answer (a 4xx refusal, a success) goes back to the session as it
 * came. getUpdates passes through: the session backs off its polls itself.
 */
final class RetryAtStart implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryAtStart.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReplySender.Pause pause;

    RetryAtStart(ReplySender.Pause pause) {
        this.pause = pause;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        List<String> path = request.url().pathSegments();
        String method = path.isEmpty() ? "" : path.get(path.size() - 1);
        if (method.equalsIgnoreCase("getUpdates")) {
            return chain.proceed(request);
        }
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (chain.call().isCanceled()) {
                    throw e;
                }
                wait = backoff;
                backoff = doubled(backoff);
                LOG.warn("{} failed (attempt {}), retrying in {} ms: {}", method, attempt, wait.toMillis(),
                        e.toString());
                pause(wait);
                continue;
            }
            int code = response.code();
            if (code == 429) {
                wait = Duration.ofSeconds(retryAfter(response));
                LOG.warn("{} answered 429 (attempt {}), retrying in {} s as Telegram asks", method, attempt,
                        wait.toSeconds());
            } else if (code >= 500) {
                wait = backoff;
                backoff = doubled(backoff);
                LOG.warn("{} answered HTTP {} (attempt {}), retrying in {} ms", method, code, attempt,
                        wait.toMillis());
            } else {
                return response;
            }
            response.close();
            pause(wait);
        }
    }

    private static Duration doubled(Duration backoff) {
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /** retry_after from the answer's JSON (1 s when it has none). */
    private static long retryAfter(Response response) {
        try {
            JsonNode wait = JSON.readTree(response.peekBody(64 * 1024).string()).path("parameters")
                    .path("retry_after");
            return wait.canConvertToLong() && wait.asLong() > 0 ? wait.asLong() : 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private void pause(Duration wait) throws IOException {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
