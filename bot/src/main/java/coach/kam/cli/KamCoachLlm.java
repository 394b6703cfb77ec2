package coach.kam.cli;

import coach.kam.ask.LlmAnswerer;
import java.util.Optional;

/** The configured language model, if any, for the command-line tools. */
final class KamCoachLlm {
    private KamCoachLlm() {
    }

    static Optional<LlmAnswerer> of(Config config) {
        Config.Llm llm = config.llm();
        return switch (llm.provider()) {
            case "openai" -> Optional.of(LlmAnswerer.openAi(llm.baseUrl().map(Object::toString).orElse(null),
                    llm.apiKey().orElse(""), llm.model().orElseThrow()));
            case "ollama" -> Optional.of(LlmAnswerer.ollama(llm.baseUrl().orElseThrow().toString(), llm.model().orElseThrow()));
            default -> Optional.empty();
        };
    }
}
