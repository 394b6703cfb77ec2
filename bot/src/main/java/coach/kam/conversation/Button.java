package coach.kam.conversation;

/** A choice under a reply: a plain-text label and the data sent back when it is pressed (at most 64 bytes). */
public record Button(String label, String data) {
    public static final int MAX_DATA_BYTES = 64;

    public Button {
        if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data over 64 bytes: " + data);
        }
    }
}
