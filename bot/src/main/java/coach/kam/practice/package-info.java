/**
 * Practice: objection drills scored against a script's moves ({@code AnswerScorer}), short quizzes
 * on the method ({@code Quizzes}), and a per-rep spaced-repetition schedule ({@code Sm2},
 * {@code PracticeStore}) that brings a missed item back on its day.
 * With a language model configured, the drill's customer answers back ({@code Roleplay}, a LangChain4j
 * AI service). Imports knowledge, accounts, config, retrieval (the embedding models) and the store.
 */
package coach.kam.practice;
