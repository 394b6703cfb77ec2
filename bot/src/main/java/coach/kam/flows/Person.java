package coach.kam.flows;

/** Someone in the customer's decision-making unit, with where they stand toward us (null until asked). */
public record Person(String name, String title, String stance) {
}
