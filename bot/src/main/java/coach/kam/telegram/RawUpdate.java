package coach.kam.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An update as the library parsed it, with the JSON it came as (stored in the inbox as received),
 * or only its id when the library could not parse it.
 */
final class RawUpdate extends Update {
    @JsonIgnore
    private transient String raw;
    @JsonIgnore
    private transient String problem;

    @JsonIgnore
    String raw() {
        return raw;
    }

    @JsonIgnore
    String problem() {
        return problem;
    }

    static RawUpdate parsed(RawUpdate update, String raw) {
        update.raw = raw;
        return update;
    }

    static RawUpdate unparsable(int updateId, String raw, String problem) {
        RawUpdate u = new RawUpdate();
        u.setUpdateId(updateId);
        u.raw = raw;
        u.problem = problem;
        return u;
    }
}
