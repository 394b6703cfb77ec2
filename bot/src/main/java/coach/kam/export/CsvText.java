package coach.kam.export;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV file, and the lines that cannot be trusted. A byte-order mark means UTF-8 (or
 * UTF-16LE); a file that is valid UTF-8 is UTF-8. Anything else is GBK (a Chinese Excel's "CSV")
 * when it reads as GBK and its non-ASCII characters are mostly Chinese, else Windows-1252 (an
 * English or European Excel; a superset of Latin-1). Then each line is read on its own: a line
 * that is valid UTF-8 with non-ASCII characters in a GBK or Windows-1252 file (a file pasted
 * together from two sources), or a line with bytes that are not valid in the file's encoding, is
 * marked, and its row becomes an error instead of being read as something else.
 */
final class CsvText {
    /** Put at the start of a line written in UTF-8 inside a file in another encoding. */
    static final char MIXED = '\uFDD0';
    /** Put at the start of a line with bytes that are not valid in the file's encoding. */
    static final char INVALID = '\uFDD1';
    static final Charset GBK = Charset.forName("GBK");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvText() {
    }

    static CsvImport.Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new CsvImport.Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new CsvImport.Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        String utf8 = strict(bytes, 0, bytes.length, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new CsvImport.Decoded(utf8, "UTF-8");
        }
        Charset cs = looksChinese(bytes) ? GBK : WINDOWS_1252;
        StringBuilder out = new StringBuilder(bytes.length);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = Math.min(i + 1, bytes.length);
                line(bytes, start, end, cs, out);
                start = end;
            }
        }
        return new CsvImport.Decoded(out.toString(), cs == GBK ? "GBK" : "Windows-1252");
    }

    private static void line(byte[] bytes, int from, int to, Charset cs, StringBuilder out) {
        if (from >= to) {
            return;
        }
        boolean high = false;
        for (int i = from; i < to && !high; i++) {
            high = bytes[i] < 0;
        }
        if (!high) {
            out.append(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
            return;
        }
        String asUtf8 = strict(bytes, from, to - from, StandardCharsets.UTF_8);
        if (asUtf8 != null) {
            out.append(MIXED).append(asUtf8);
            return;
        }
        String text = strict(bytes, from, to - from, cs);
        if (text == null) {
            out.append(INVALID).append(new String(bytes, from, to - from, cs));
        } else {
            out.append(text);
        }
    }

    /** GBK when the whole file reads as GBK and most of its non-ASCII characters are Chinese. */
    private static boolean looksChinese(byte[] bytes) {
        String gbk = strict(bytes, 0, bytes.length, GBK);
        if (gbk == null) {
            // a line or two of broken bytes: judged on a lenient reading
            gbk = new String(bytes, GBK);
        }
        long nonAscii = 0;
        long chinese = 0;
        for (int i = 0; i < gbk.length(); i++) {
            char c = gbk.charAt(i);
            if (c < 0x80) {
                continue;
            }
            nonAscii++;
            Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
            if (b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
                chinese++;
            }
        }
        return nonAscii > 0 && chinese * 10 >= nonAscii * 8;
    }

    private static String strict(byte[] bytes, int from, int length, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
