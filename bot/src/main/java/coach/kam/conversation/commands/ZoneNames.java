package coach.kam.conversation.commands;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time zone as a rep types it: "Europe/Paris", "london", "伦敦", "UTC+8", "GMT-5:30", "北京时间". */
public final class ZoneNames {
    private static final Pattern OFFSET = Pattern.compile("^(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("北京", "Asia/Shanghai"), Map.entry("上海", "Asia/Shanghai"), Map.entry("北京时间", "Asia/Shanghai"),
            Map.entry("中国", "Asia/Shanghai"), Map.entry("beijing", "Asia/Shanghai"), Map.entry("广州", "Asia/Shanghai"),
            Map.entry("深圳", "Asia/Shanghai"), Map.entry("香港", "Asia/Hong_Kong"), Map.entry("台北", "Asia/Taipei"),
            Map.entry("新加坡", "Asia/Singapore"), Map.entry("东京", "Asia/Tokyo"), Map.entry("首尔", "Asia/Seoul"),
            Map.entry("曼谷", "Asia/Bangkok"), Map.entry("吉隆坡", "Asia/Kuala_Lumpur"), Map.entry("雅加达", "Asia/Jakarta"),
            Map.entry("迪拜", "Asia/Dubai"), Map.entry("孟买", "Asia/Kolkata"), Map.entry("新德里", "Asia/Kolkata"),
            Map.entry("伦敦", "Europe/London"), Map.entry("巴黎", "Europe/Paris"), Map.entry("柏林", "Europe/Berlin"),
            Map.entry("法兰克福", "Europe/Berlin"), Map.entry("莫斯科", "Europe/Moscow"), Map.entry("纽约", "America/New_York"),
            Map.entry("洛杉矶", "America/Los_Angeles"), Map.entry("旧金山", "America/Los_Angeles"),
            Map.entry("芝加哥", "America/Chicago"), Map.entry("悉尼", "Australia/Sydney"), Map.entry("墨尔本", "Australia/Melbourne"),
            Map.entry("new york", "America/New_York"), Map.entry("san francisco", "America/Los_Angeles"),
            Map.entry("delhi", "Asia/Kolkata"), Map.entry("mumbai", "Asia/Kolkata"), Map.entry("india", "Asia/Kolkata"));

    private ZoneNames() {
    }

    public static Optional<ZoneId> parse(String typed) {
        String t = typed == null ? "" : typed.strip().replace('＋', '+').replace('－', '-').replace('：', ':');
        if (t.isEmpty() || t.length() > 40) {
            return Optional.empty();
        }
        String lower = t.toLowerCase(Locale.ROOT).replaceAll("(时间|time)$", "").strip();
        if (CITIES.containsKey(t)) {
            return Optional.of(ZoneId.of(CITIES.get(t)));
        }
        if (CITIES.containsKey(lower)) {
            return Optional.of(ZoneId.of(CITIES.get(lower)));
        }
        if (lower.equals("utc") || lower.equals("gmt")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        Matcher m = OFFSET.matcher(lower);
        if (m.matches()) {
            try {
                int hours = Integer.parseInt(m.group(2));
                int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                int sign = m.group(1).equals("-") ? -1 : 1;
                return Optional.of(ZoneId.ofOffset("UTC", ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        String wanted = lower.replace(' ', '_');
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .filter(id -> id.equalsIgnoreCase(wanted) || id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(wanted))
                .sorted().findFirst().map(ZoneId::of);
    }
}
