package coach.kam.ask;

import coach.kam.config.Config;
import java.util.Optional;

/** The configured language model, if any. */
public final class LlmChoice {
    private LlmChoice() {
    }

    public static Optional<LlmAnswerer> of(Config.Llm llm) {
        return switch (llm.provider()) {
            case "openai" -> Optional.of(LlmAnswerer.openAi(llm.baseUrl().map(Object::toString).orElse(null),
                    llm.apiKey().orElse(""), llm.model().orElseThrow(), LlmAnswerer.TIMEOUT));
            case "ollama" -> Optional.of(LlmAnswerer.ollama(llm.baseUrl().orElseThrow().toString(), llm.model().orElseThrow(), LlmAnswerer.TIMEOUT));
            default -> Optional.empty();
        };
    }
}
