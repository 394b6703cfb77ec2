package coach.kam.charts;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The plan on one A4 page, with OpenPDF: a title, the target and territory lines, the chosen
 * accounts as a table, and up to four charts two by two. Every text uses the bundled WenQuanYi Micro
 * Hei, embedded (subset, Identity-H), so Chinese shows in any PDF reader.
 */
public final class PlanSheet {
    /** What the page holds; labels and cells already in the rep's language. */
    public record Content(String title, List<String> lines, List<String> header, List<List<String>> rows,
                          List<byte[]> chartPngs) {
        public Content {
            lines = List.copyOf(lines);
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            chartPngs = List.copyOf(chartPngs);
        }
    }

    /** Rows of the account table that fit on the page with the charts. */
    public static final int MAX_ROWS = 8;
    private static final float MARGIN = 28f;

    private PlanSheet() {
    }

    /** The font as OpenPDF embeds it (face 0 of the .ttc, the proportional one). */
    public static BaseFont baseFont() {
        try {
            return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    ChartFont.bytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the bundled font cannot be embedded", e);
        }
    }

    public static byte[] render(Content c) {
        BaseFont base = baseFont();
        Font title = new Font(base, 18, Font.BOLD);
        Font text = new Font(base, 10.5f);
        Font small = new Font(base, 9f);
        Font head = new Font(base, 9f, Font.BOLD, Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(c.title(), title));
            for (String line : c.lines()) {
                Paragraph p = new Paragraph(line, text);
                p.setSpacingBefore(3);
                doc.add(p);
            }
            if (!c.rows().isEmpty()) {
                doc.add(table(c, head, small));
            }
            if (!c.chartPngs().isEmpty()) {
                doc.add(charts(c.chartPngs(), doc.getPageSize().getWidth() - 2 * MARGIN));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the plan document could not be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Content c, Font head, Font cell) {
        PdfPTable t = new PdfPTable(c.header().size());
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        for (String h : c.header()) {
            PdfPCell p = new PdfPCell(new Phrase(h, head));
            p.setBackgroundColor(new Color(0x1565C0));
            p.setPadding(4);
            t.addCell(p);
        }
        for (List<String> row : c.rows().subList(0, Math.min(MAX_ROWS, c.rows().size()))) {
            for (int i = 0; i < c.header().size(); i++) {
                PdfPCell p = new PdfPCell(new Phrase(i < row.size() ? row.get(i) : "", cell));
                p.setPadding(3);
                t.addCell(p);
            }
        }
        return t;
    }

    private static PdfPTable charts(List<byte[]> pngs, float width) throws IOException, DocumentException {
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(10);
        float side = width / 2 - 6;
        for (byte[] png : pngs.subList(0, Math.min(4, pngs.size()))) {
            Image img = Image.getInstance(png);
            img.scaleToFit(side, side * Charts.HEIGHT / Charts.WIDTH);
            PdfPCell cell = new PdfPCell(img, false);
            cell.setBorder(0);
            cell.setPadding(3);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            grid.addCell(cell);
        }
        grid.completeRow();
        return grid;
    }
}
