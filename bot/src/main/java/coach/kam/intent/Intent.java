package coach.kam.intent;

/** What a line typed with an account open is: a note to keep, a question for the coach, or what the customer said. */
public enum Intent {
    NOTE, QUESTION, CUSTOMER_WORDS
}
