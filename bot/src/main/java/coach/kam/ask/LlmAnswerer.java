package coach.kam.ask;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer with a language model, from the retrieved sections only. Any error or a reply
 * slower than the timeout gives an empty result, and the caller falls back to the extractive answer.
 */
public final class LlmAnswerer {
    private static final Logger LOG = LoggerFactory.getLogger(LlmAnswerer.class);
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String NOT_COVERED = "NOT_COVERED";

    private final ChatModel model;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kam-llm");
        t.setDaemon(true);
        return t;
    });

    public LlmAnswerer(ChatModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    public static LlmAnswerer openAi(String baseUrl, String apiKey, String modelName, Duration timeout) {
        var b = OpenAiChatModel.builder().apiKey(apiKey).modelName(modelName).timeout(timeout).maxRetries(0)
                .temperature(0.2);
        if (baseUrl != null) {
            b.baseUrl(baseUrl);
        }
        return new LlmAnswerer(b.build(), timeout);
    }

    public static LlmAnswerer ollama(String baseUrl, String modelName, Duration timeout) {
        ChatModel m = OllamaChatModel.builder().maxRetries(0).baseUrl(baseUrl).modelName(modelName).timeout(timeout)
                .temperature(0.2).build();
        return new LlmAnswerer(m, timeout);
    }

    /** One earlier question and answer of the same chat. */
    public record Exchange(String question, String answer) {
    }

    /** The model's answer, or empty when it failed, was too slow, or said the sections do not cover it. */
    public Optional<String> answer(ExtractiveAnswerer.Evidence evidence, List<Exchange> memory, List<String> notes) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system(evidence.lang())));
        for (Exchange x : memory) {
            messages.add(UserMessage.from(x.question()));
            messages.add(AiMessage.from(x.answer()));
        }
        messages.add(UserMessage.from(prompt(evidence, notes)));
        return call(messages);
    }

    /**
     * An answer to a question about an account from the rep's own numbered records, citing them as
     * [1], [2]; empty when it failed, was too slow, or the records do not answer it.
     */
    public Optional<String> fromRecords(String question, List<String> records, String lang) {
        String language = "zh".equals(lang) ? "Simplified Chinese" : "English";
        StringBuilder p = new StringBuilder("Records:\n");
        for (int i = 0; i < records.size(); i++) {
            p.append('[').append(i + 1).append("] ").append(records.get(i)).append('\n');
        }
        p.append("\nQuestion: ").append(question);
        return call(List.of(SystemMessage.from("You are KAM Coach. Answer the sales rep's question about their customer"
                + " using ONLY the rep's own numbered records given. Cite the records you use as [1], [2]. Write in "
                + language + ", at most 60 words. If the records do not answer the question, reply exactly "
                + NOT_COVERED + " and nothing else. Never invent names, dates or numbers."), UserMessage.from(p.toString())));
    }

    private Optional<String> call(List<ChatMessage> messages) {
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> model.chat(messages).aiMessage().text(), calls);
        try {
            String text = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null || text.isBlank() || text.contains(NOT_COVERED)) {
                return Optional.empty();
            }
            return Optional.of(text.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            call.cancel(true);
            LOG.warn("language model unavailable, answering from the sections: {}", e.toString());
            return Optional.empty();
        }
    }

    private static String system(String lang) {
        String language = "zh".equals(lang) ? "Simplified Chinese" : "English";
        return "You are KAM Coach, a coach for key-account sales reps. Answer the rep's question using ONLY the"
                + " numbered knowledge-base sections given. Cite the sections you use as [1], [2]. Write in "
                + language + ", at most 150 words, short lines a phone shows well. If the sections do not answer"
                + " the question, reply exactly " + NOT_COVERED + " and nothing else. Never invent facts,"
                + " numbers or methods that the sections do not contain.";
    }

    private static String prompt(ExtractiveAnswerer.Evidence e, List<String> notes) {
        StringBuilder p = new StringBuilder("Sections:\n");
        int n = 1;
        for (var s : e.chunks().subList(0, Math.min(3, e.chunks().size()))) {
            p.append('[').append(n++).append("] ").append(s.chunk().title()).append(" > ")
                    .append(ExtractiveAnswerer.sectionName(s.chunk())).append('\n')
                    .append(ExtractiveAnswerer.withoutTagLine(s.chunk().text())).append("\n\n");
        }
        if (!notes.isEmpty()) {
            p.append("The rep's notes on the account they have open:\n");
            notes.forEach(x -> p.append("- ").append(x).append('\n'));
            p.append('\n');
        }
        return p.append("Question: ").append(e.question()).toString();
    }
}
