package org.xiaodai.contract.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Draws a stored contract text as a PDF. The Chinese font is WenQuanYi Micro Hei, shipped in the
 * application ({@code fonts/wqy-microhei.ttc} on the class path, Apache-2.0; never read from the
 * operating system nor downloaded) and embedded as the subset of glyphs the contract uses
 * (Identity-H, a TrueType {@code FontFile2}), so every reader shows the same text. The annualised rate ({@code !! } line) is the largest text after the title; every
 * other rate is body text.
 */
final class ContractPdf {

    static final float APR_SIZE = 20f;
    static final float BODY_SIZE = 10.5f;
    private static final BaseFont CJK = cjk();

    private ContractPdf() {
    }

    static final String FONT = "fonts/wqy-microhei.ttc";

    private static BaseFont cjk() {
        try (java.io.InputStream in = ContractPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The contract font " + FONT + " is not on the class path");
            }
            BaseFont font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
            font.setSubset(true);
            return font;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The contract font " + FONT + " cannot be read", e);
        }
    }

    static byte[] render(String text, String contractNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("借款合同 " + contractNumber);
        document.addCreator("Xiaodai");
        document.open();
        Font title = new Font(CJK, 18f, Font.BOLD);
        Font heading = new Font(CJK, 12f, Font.BOLD);
        Font body = new Font(CJK, BODY_SIZE, Font.NORMAL);
        Font apr = new Font(CJK, APR_SIZE, Font.BOLD, new Color(0xB0, 0x1E, 0x1E));
        Font cell = new Font(CJK, 8.5f, Font.NORMAL);
        PdfPTable table = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith("|") && table != null) {
                document.add(table);
                table = null;
            }
            if (line.startsWith("# ")) {
                Paragraph p = new Paragraph(line.substring(2), title);
                p.setAlignment(Element.ALIGN_CENTER);
                p.setSpacingAfter(10);
                document.add(p);
            } else if (line.startsWith("## ")) {
                Paragraph p = new Paragraph(line.substring(3), heading);
                p.setSpacingBefore(8);
                p.setSpacingAfter(3);
                document.add(p);
            } else if (line.startsWith("!! ")) {
                Paragraph p = new Paragraph(line.substring(3), apr);
                p.setSpacingBefore(4);
                p.setSpacingAfter(4);
                document.add(p);
            } else if (line.startsWith("|")) {
                String[] cells = line.substring(1).split("\\|", -1);
                if (table == null) {
                    table = new PdfPTable(cells.length);
                    table.setWidthPercentage(100);
                    table.setHeaderRows(1);
                }
                for (String c : cells) {
                    PdfPCell pc = new PdfPCell(new Phrase(c, cell));
                    pc.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(pc);
                }
            } else if (!line.isBlank()) {
                Paragraph p = new Paragraph(line, body);
                p.setLeading(BODY_SIZE * 1.6f);
                document.add(p);
            }
        }
        if (table != null) {
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }
}
