package coach.kam.cli;

import coach.kam.config.Config;

import coach.kam.ask.Answer;
import coach.kam.ask.AskService;
import coach.kam.conversation.Messages;
import coach.kam.retrieval.SearchIndexes;
import coach.kam.store.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask [--json] ["question"]}: one answer, or one per line of standard input (JSON Lines with --json). */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer a methodology question from the knowledge base.")
final class AskCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON (one object per line when reading standard input).")
    boolean json;

    @Option(names = "--data", description = "Data folder holding the embedding cache (default: KAM_DATA_DIR or ./data).")
    Path data;

    @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "The question; without it, one question per line of standard input.")
    String question;

    @Override
    public Integer call() throws Exception {
        Config config = Main.config(data);
        Messages messages = Messages.load();
        try (OneShot shot = OneShot.open(config)) {
            AskService ask = new AskService(SearchIndexes.of(shot.indexes), coach.kam.ask.LlmChoice.of(config.llm()), shot.store());
            OneShot.forEachInput(question, q -> {
                Answer a = ask.answer(0, q, List.of());
                shot.out.println(json ? toJson(a, messages) : toText(a, messages));
            });
        }
        return 0;
    }

    static String toJson(Answer a, Messages messages) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("question", a.question());
        o.put("answer", a.covered() ? plain(a.text()) : notCovered(a, messages));
        ArrayNode sources = o.putArray("sources");
        for (Answer.Source s : a.sources()) {
            sources.addObject().put("topic", s.topic()).put("lang", s.lang()).put("title", s.title())
                    .put("section", s.section()).put("score", s.score());
        }
        o.put("covered", a.covered());
        o.put("lang", a.lang());
        o.put("via", a.via());
        return o.toString();
    }

    static String toText(Answer a, Messages messages) {
        if (!a.covered()) {
            return notCovered(a, messages) + "\n";
        }
        StringBuilder out = new StringBuilder(plain(a.text())).append("\n\n");
        out.append("zh".equals(a.lang()) ? "来源: " : "Sources: ");
        a.sources().stream().limit(2).forEach(s -> out.append(s.title()).append(" > ").append(s.section()).append("; "));
        return out.substring(0, out.length() - 2) + "\n";
    }

    private static String notCovered(Answer a, Messages messages) {
        String closest = String.join(", ", a.closestTopics());
        return coach.kam.text.Html.toPlain(messages.get(a.lang(), "ask.not.covered")) + " (" + closest + ")";
    }

    private static String plain(String markdown) {
        return markdown.replace("**", "");
    }
}
