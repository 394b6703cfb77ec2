package coach.kam.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kam.conversation.commands.ZoneNames;
import coach.kam.knowledge.Flow;
import coach.kam.testing.TestCoach;
import coach.kam.when.WhenParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example the bot shows is accepted: the examples in the hints of every walkthrough step and
 * in every message (after 比如, 例如, e.g., for example) are harvested and fed back to the reader of
 * that prompt. A message with an example that no reader below takes fails the test until it is
 * given one, so a new example cannot slip in unchecked.
 */
class ExampleHarvestTest {
    /** A day on which the flows' dated examples ("2026-09") are still ahead, as when they were written. */
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 15);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final WhenParser WHEN = new WhenParser(Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZoneOffset.UTC));
    private static final List<String> MARKERS = List.of("比如", "例如", "e.g.", "E.g.", "for example", "For example");

    /** The reader of each message that shows an example, by message key. */
    private static final Map<String, Reader> MESSAGE_READERS = new LinkedHashMap<>();
    /** Messages whose examples are not answers to that prompt, and where they are checked instead. */
    private static final Map<String, String> NOT_ANSWERS = Map.of(
            "help.full", "the command list; its /o example is the objection.what example",
            "start.welcome", "a greeting; its /o and question examples are those of objection.what and ask.what",
            "ask.what", "a question, answered from the knowledge base: AskServiceTest and DevSetTest",
            "objection.what", "a customer phrase, matched to a script: ObjectionMatchTest and DevSetTest");

    record Reader(String name, boolean whole, Predicate<String> accepts) {
    }

    static {
        Reader money = new Reader("money", false, t -> AnswerParser.money(t).ok());
        Reader date = new Reader("date", false, t -> Dates.parse(t, TODAY).isPresent());
        Reader person = new Reader("person", true, t -> parse(step("profile", "decision-maker"), t).ok());
        Flow.Step anyNumber = new Flow.Step("n", null, null, null, "number", "any.number", null, null, null, null, null,
                null, null, null, null);
        Reader number = new Reader("number", false, t -> parse(anyNumber, t).ok());
        Reader year = new Reader("year", false, t -> t.matches("\\d{4}")
                && Validators.check("year", Answer.of(t), TODAY).isEmpty());
        Reader nextStep = new Reader("time and task", true, t -> WHEN.parse(t, ZONE) instanceof WhenParser.Parsed p
                && !p.rest().isBlank());
        Reader remindTime = new Reader("reminder time", false, t -> WHEN.line(t, ZONE, LocalTime.of(9, 0)) instanceof WhenParser.Parsed);
        Reader remindCommand = new Reader("/remind line", true, t -> t.startsWith("/remind ") && t.indexOf(':') > 0
                && WHEN.line(t.substring(t.indexOf(':') + 1), ZONE, LocalTime.of(9, 0)) instanceof WhenParser.Parsed p
                && !p.rest().isBlank());
        Reader clock = new Reader("check-in time", false, t -> t.matches("\\d{1,2}:\\d{2}"));
        Reader zone = new Reader("time zone", false, t -> ZoneNames.parse(t).isPresent());
        MESSAGE_READERS.put("walk.how.money", money);
        MESSAGE_READERS.put("walk.how.date", date);
        MESSAGE_READERS.put("plan.ask.due", date);
        MESSAGE_READERS.put("checkin.ask.snooze.date", date);
        MESSAGE_READERS.put("walk.how.person", person);
        MESSAGE_READERS.put("walk.bad.person", person);
        MESSAGE_READERS.put("walk.bad.number", number);
        MESSAGE_READERS.put("walk.bad.year", year);
        MESSAGE_READERS.put("checkin.ask.next", nextStep);
        MESSAGE_READERS.put("checkin.next.when", nextStep);
        MESSAGE_READERS.put("remind.ask.when", remindTime);
        MESSAGE_READERS.put("remind.ask.when.task", remindTime);
        MESSAGE_READERS.put("remind.none", remindCommand);
        MESSAGE_READERS.put("checkin.ask.time", clock);
        MESSAGE_READERS.put("zone.type", zone);
        coach.kam.deals.Stages stages = new coach.kam.deals.Stages(TestCoach.knowledge());
        coach.kam.deals.DealLine.Readers dealReaders = new coach.kam.deals.DealLine.Readers(Money::parse, Dates::parse);
        Reader deal = new Reader("/deal line", true, t -> {
            if (!t.startsWith("/deal ") || t.indexOf(':') < 0) {
                return false;
            }
            coach.kam.deals.DealLine.Parsed p = coach.kam.deals.DealLine.read(t.substring(t.indexOf(':') + 1), stages,
                    TODAY, dealReaders);
            return !p.title().isBlank() && p.amount() != null && p.stage() != null && p.close() != null;
        });
        Reader target = new Reader("/target line", true, t -> t.startsWith("/target ")
                && java.util.Arrays.stream(t.substring(Math.max(t.indexOf(':'), 7) + 1).strip().split("\\s+"))
                .allMatch(w -> Money.parse(w).isPresent()));
        coach.kam.territory.Territory territory = new coach.kam.territory.Territory(TestCoach.knowledge());
        Reader place = new Reader("/territory line", true, t -> t.startsWith("/territory ") && territory.patterns().stream()
                .anyMatch(p -> p.label().values().stream().anyMatch(l -> t.toLowerCase(java.util.Locale.ROOT)
                        .endsWith(" " + l.toLowerCase(java.util.Locale.ROOT)))));
        Reader dealNext = new Reader("deal next step", true, t -> {
            coach.kam.deals.DealLine.Step step = coach.kam.deals.DealLine.nextStep(t, TODAY, dealReaders);
            return step.date() != null && !step.text().isBlank();
        });
        MESSAGE_READERS.put("deal.ask.next", dealNext);
        Reader courseItem = new Reader("after-course plan action", true, t -> coach.kam.conversation.commands
                .CoursePlanCommands.readForTest(t, TODAY, dealReaders));
        MESSAGE_READERS.put("course.ask.item", courseItem);
        coach.kam.plans.Figures before = new coach.kam.plans.Figures("share", java.math.BigDecimal.TEN,
                java.math.BigDecimal.TEN, java.math.BigDecimal.valueOf(30), "%");
        Reader figures = new Reader("plan item numbers", true, t -> coach.kam.plans.Figures.read(t, before, Money::parse)
                .isPresent());
        MESSAGE_READERS.put("plan.ask.figures", figures);
        MESSAGE_READERS.put("plan.bad.figures.now", figures);
        MESSAGE_READERS.put("dialog.waiting.plan-figures", figures);
        MESSAGE_READERS.put("deal.usage", deal);
        MESSAGE_READERS.put("deal.needs.title", deal);
        MESSAGE_READERS.put("target.usage", target);
        MESSAGE_READERS.put("target.rep.missing", target);
        MESSAGE_READERS.put("target.accounts.none", target);
        MESSAGE_READERS.put("territory.usage", place);
        // /search takes any words with a letter in them, up to the question cap
        MESSAGE_READERS.put("own.search.what", new Reader("search words", false,
                t -> !t.isBlank() && t.length() <= 300 && t.codePoints().anyMatch(Character::isLetter)));
    }

    private static Flow.Step step(String flow, String id) {
        return TestCoach.knowledge().flow(flow).orElseThrow().step(id).orElseThrow();
    }

    private static AnswerParser.Result parse(Flow.Step step, String typed) {
        return AnswerParser.parse(step, typed, "zh", TODAY);
    }

    @Test
    void everyExampleInTheFlowsIsAccepted() throws IOException {
        List<String> rejected = new ArrayList<>();
        int fed = 0;
        for (String flowId : flowIds()) {
            Flow flow = TestCoach.knowledge().flow(flowId).orElseThrow();
            for (Flow.Step step : flow.steps()) {
                if (!takesTypedAnswers(step) || step.hint() == null) {
                    continue;
                }
                for (String lang : List.of("zh", "en")) {
                    for (String example : examples(step.hint().in(lang), false)) {
                        fed++;
                        AnswerParser.Result r = AnswerParser.parse(step, example, lang, TODAY);
                        boolean ok = r.ok() && Validators.check(step.validator(), r.answer(), TODAY).isEmpty();
                        if (!ok) {
                            rejected.add(flowId + "/" + step.id() + " (" + lang + "): " + example + " -> "
                                    + (r.ok() ? "validator " + step.validator() : r.problem()));
                        }
                    }
                }
            }
        }
        System.out.println("flow examples fed back: " + fed + ", rejected: " + rejected.size());
        rejected.forEach(System.out::println);
        assertTrue(fed >= 10, "examples harvested from the flows: " + fed);
        assertEquals(List.of(), rejected);
    }

    @Test
    void everyExampleInTheMessagesIsAccepted() throws IOException {
        List<String> rejected = new ArrayList<>();
        int fed = 0;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Map<?, ?> messages = yaml.readValue(file.toFile(), Map.class);
                for (Map.Entry<?, ?> e : messages.entrySet()) {
                    if (!(e.getValue() instanceof Map<?, ?> byLang)) {
                        continue;
                    }
                    for (Object text : byLang.values()) {
                        String key = e.getKey().toString();
                        if (!(text instanceof String s) || MARKERS.stream().noneMatch(s::contains) || NOT_ANSWERS.containsKey(key)) {
                            continue;
                        }
                        Reader reader = MESSAGE_READERS.get(key);
                        if (reader == null) {
                            rejected.add(file.getFileName() + " " + key + ": an example with no reader: " + s);
                            continue;
                        }
                        for (String example : examples(s, reader.whole())) {
                            fed++;
                            if (!reader.accepts().test(example)) {
                                rejected.add(key + " (" + reader.name() + "): " + example);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("message examples fed back: " + fed + ", rejected: " + rejected.size());
        rejected.forEach(System.out::println);
        assertTrue(fed >= 25, "examples harvested from the messages: " + fed);
        assertEquals(List.of(), rejected);
    }

    @Test
    void theExamplesFromTheFieldAreAccepted() {
        Flow.Step tenderDate = step("profile", "tender-date");
        for (String typed : List.of("2026-09", "明年三月", "next March", "2027-03", "三月份")) {
            AnswerParser.Result r = AnswerParser.parse(tenderDate, typed, "zh", TODAY);
            assertTrue(r.ok() && Validators.check("future-date", r.answer(), TODAY).isEmpty(), typed);
        }
        assertEquals("2026-09", parse(tenderDate, "2026-09").answer().value());
        assertEquals("2027-03", parse(tenderDate, "明年三月").answer().value());
        assertEquals("2027-03", parse(tenderDate, "next March").answer().value());
        LocalDate friday = LocalDate.of(2026, 9, 25);
        assertEquals(friday, Dates.parse("下周五", TODAY).orElseThrow());
        assertEquals(friday, Dates.parse("next fri", TODAY).orElseThrow());
        assertEquals(LocalDate.of(2026, 9, 30), Dates.parse("月底前", TODAY).orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 18), Dates.parse("dec 18", TODAY).orElseThrow());
        assertEquals("30000000", AnswerParser.money("大概三千万左右").answer().value());
        assertEquals("30000000", AnswerParser.money("about 30m").answer().value());
        assertEquals("250000000", AnswerParser.money("两亿五千万").answer().value());
        Flow.Step terms = step("profile", "payment-terms");
        assertEquals("days-90-plus", parse(terms, "120天").answer().value());
        assertEquals("days-60", parse(terms, "net 60").answer().value());
        assertEquals("days-30", parse(terms, "账期30天").answer().value());
        assertEquals("walk.bad.choice", parse(terms, "看情况").problem());
    }

    private static boolean takesTypedAnswers(Flow.Step step) {
        return switch (step.type()) {
            case MONEY, NUMBER, DATE, TEXT, LONGTEXT, PERSON -> true;
            case CHOICE -> step.allowsOther();
            default -> false;
        };
    }

    private static List<String> flowIds() throws IOException {
        try (Stream<Path> files = Files.list(TestCoach.KNOWLEDGE.resolve("flows"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    /**
     * The examples after each marker up to the end of its sentence: quoted ones (“…”, "…") and,
     * unless {@code whole}, the rest split at 、, 或, "or" and commas; with {@code whole}, the rest as one.
     */
    static List<String> examples(String text, boolean whole) {
        List<String> out = new ArrayList<>();
        for (String marker : MARKERS) {
            for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
                String segment = sentence(text.substring(at + marker.length()));
                StringBuilder rest = new StringBuilder();
                int i = 0;
                while (i < segment.length()) {
                    char c = segment.charAt(i);
                    char close = c == '“' ? '”' : c == '"' ? '"' : 0;
                    int end = close == 0 ? -1 : segment.indexOf(close, i + 1);
                    if (end > i) {
                        out.add(segment.substring(i + 1, end).strip());
                        i = end + 1;
                    } else {
                        rest.append(c);
                        i++;
                    }
                }
                String r = rest.toString().replaceFirst("^[\\s:：]+", "").strip();
                String[] parts = whole ? new String[] {r} : r.split("、|或|,\\s|，| or ");
                for (String p : parts) {
                    String t = p.strip().replaceFirst("^or\\s+", "").replaceFirst("\\s+or$", "").strip();
                    if (!t.isEmpty() && !t.equals("或") && !t.equals("or")) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /** Up to the end of the sentence: 。；; or a full stop followed by a blank or the end. */
    private static String sentence(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '。' || c == '；' || c == ';' || c == '(' || c == '(') {
                return s.substring(0, i);
            }
            if (c == '.' && i > 0 && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
