package coach.kam.conversation.buttons;

/** A press that names a note under one of the presser's accounts. */
public interface NoteRef extends AccountRef {
    long noteId();
}
