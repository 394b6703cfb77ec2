package coach.kam.conversation;

/**
 * What a pressed button does, for the kinds still registered by prefix (check-ins, reminders, the
 * team, walkthroughs; see {@link coach.kam.conversation.buttons.Kind} for the rest). Button data is
 * "prefix:arg1:arg2"; {@code args} are the parts after the prefix. Data can be forged, so every
 * action checks what it is given.
 */
@FunctionalInterface
public interface ButtonAction {
    void press(Turn turn, String[] args);
}
