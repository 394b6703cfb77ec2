package coach.kam.charts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every chart (and the plan document) draws with: WenQuanYi Micro Hei, bundled as
 * {@code /fonts/wqy-microhei.ttc} (Apache-2.0, or GPLv3 with the font exception; the licence text is
 * next to it). It covers Chinese, Latin and digits, so nothing depends on the fonts of the machine.
 */
public final class ChartFont {
    /** The font file on the class path. */
    public static final String RESOURCE = "/fonts/wqy-microhei.ttc";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartFont() {
    }

    private static final class Loaded {
        static final Font BASE = load();
    }

    /** The plain face at size 1 (derive the size wanted). */
    public static Font base() {
        return Loaded.BASE;
    }

    public static Font of(int style, float size) {
        return Loaded.BASE.deriveFont(style, size);
    }

    /** The font file's bytes (for embedding in a PDF). */
    public static byte[] bytes() {
        try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** -1 when the font has a glyph for every character of {@code text}, else the first index without one. */
    public static int missingAt(String text) {
        return Loaded.BASE.canDisplayUpTo(text);
    }

    private static Font load() {
        try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + RESOURCE);
            }
            // a .ttc holds several faces (here the proportional one first, then the monospaced one)
            Font[] faces = Font.createFonts(in);
            for (Font f : faces) {
                if (!f.getFamily(java.util.Locale.ROOT).contains("Mono")) {
                    return f;
                }
            }
            return faces[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font cannot be read", e);
        }
    }
}
