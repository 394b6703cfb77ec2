package coach.kam.practice;

import coach.kam.config.Config;
import coach.kam.knowledge.Objection;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With a language model configured, the customer of a drill pushes back on the rep's answer for
 * {@link #PUSHBACKS} more turns before the feedback. The call runs after the turn's transaction
 * (never under the store's lock); an error or a reply slower than the timeout gives nothing, and
 * the drill goes on without it.
 */
public final class Roleplay {
    private static final Logger LOG = LoggerFactory.getLogger(Roleplay.class);
    /** How many times the customer answers back before the feedback. */
    public static final int PUSHBACKS = 2;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REPLY = 300;

    /** The customer, as a LangChain4j AI service. */
    interface Customer {
        @SystemMessage("You play a business customer in a sales training drill. Your objection: {{objection}}."
                + " What usually lies behind it: {{behind}}. Stay in the customer's role: answer the sales rep's"
                + " last words in {{language}}, in one or two short sentences, as a buyer who is not convinced yet."
                + " Push back on what the rep said or raise the concern behind the objection. Never coach, never"
                + " grade, never leave the role.")
        String reply(@V("objection") String objection, @V("behind") String behind, @V("language") String language,
                     @UserMessage String conversation);
    }

    private final Customer customer;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kam-roleplay");
        t.setDaemon(true);
        return t;
    });

    public Roleplay(ChatModel model, Duration timeout) {
        this.customer = AiServices.create(Customer.class, model);
        this.timeout = timeout;
    }

    /** The configured model as a customer, or empty when no model is configured. */
    public static Optional<Roleplay> of(Config.Llm llm) {
        return switch (llm.provider()) {
            case "openai" -> {
                var b = OpenAiChatModel.builder().apiKey(llm.apiKey().orElse("")).modelName(llm.model().orElseThrow())
                        .timeout(TIMEOUT).maxRetries(0).temperature(0.7);
                llm.baseUrl().ifPresent(u -> b.baseUrl(u.toString()));
                yield Optional.of(new Roleplay(b.build(), TIMEOUT));
            }
            case "ollama" -> Optional.of(new Roleplay(OllamaChatModel.builder().maxRetries(0)
                    .baseUrl(llm.baseUrl().orElseThrow().toString()).modelName(llm.model().orElseThrow())
                    .timeout(TIMEOUT).temperature(0.7).build(), TIMEOUT));
            default -> Optional.empty();
        };
    }

    /**
     * The customer's next words after the opening line {@code opened} and the rep's answers so far,
     * or empty when the model failed or was too slow.
     */
    public Optional<String> pushBack(Objection o, String lang, String opened, List<String> repSaid) {
        Objection.Text t = o.in(lang);
        StringBuilder talk = new StringBuilder("Customer: ").append(opened);
        for (String line : repSaid) {
            talk.append("\nSales rep: ").append(line);
        }
        String language = "zh".equals(lang) ? "Simplified Chinese" : "English";
        CompletableFuture<String> call = CompletableFuture.supplyAsync(
                () -> customer.reply(t.title(), t.behind(), language, talk.toString()), calls);
        try {
            String text = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String s = text.strip();
            return Optional.of(s.length() > MAX_REPLY ? s.substring(0, MAX_REPLY) : s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            call.cancel(true);
            LOG.warn("language model unavailable, the drill goes on without the customer's answer: {}", e.toString());
            return Optional.empty();
        }
    }
}
