package org.xiaodai.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import org.xiaodai.reporting.internal.ReturnViews.Line;
import org.xiaodai.reporting.internal.ReturnViews.LoanDetail;
import org.xiaodai.reporting.internal.ReturnViews.ReturnDetail;
import org.xiaodai.reporting.internal.ReturnViews.ReturnView;
import org.xiaodai.reporting.internal.ReturnViews.RuleResult;

/**
 * A return and its loan-level detail as CSV (UTF-8 with BOM, so spreadsheet programs read the
 * Chinese), XLSX (Apache POI, streaming workbook) and XML (namespace {@code urn:xiaodai:reporting:1},
 * valid against {@code reporting/returns.xsd}). JSON is the API's own rendering of the view records.
 */
@Component
@Transactional(readOnly = true)
public class ReturnExports {

    /** The XML namespace of {@code reporting/returns.xsd}. */
    public static final String NAMESPACE = "urn:xiaodai:reporting:1";
    public static final String SCHEMA = "reporting/returns.xsd";

    record Column<T>(String name, Function<T, Object> value) {
    }

    static final List<Column<Line>> LINE_COLUMNS = List.of(
            new Column<>("dimension", Line::dimension), new Column<>("key", Line::key), new Column<>("loans", Line::loans),
            new Column<>("balance", Line::balance), new Column<>("overduePrincipal", Line::overduePrincipal),
            new Column<>("nplBalance", Line::nplBalance), new Column<>("newLoans", Line::newLoans),
            new Column<>("newAmount", Line::newAmount), new Column<>("repaid", Line::repaid));

    static final List<Column<LoanDetail>> DETAIL_COLUMNS = List.of(
            new Column<>("row", LoanDetail::row), new Column<>("loanId", LoanDetail::loanId),
            new Column<>("contractNumber", LoanDetail::contractNumber), new Column<>("customerId", LoanDetail::customerId),
            new Column<>("productId", LoanDetail::productId), new Column<>("currency", LoanDetail::currency),
            new Column<>("principal", LoanDetail::principal), new Column<>("annualRatePercent", LoanDetail::annualRatePercent),
            new Column<>("disbursementDate", LoanDetail::disbursementDate), new Column<>("maturityDate", LoanDetail::maturityDate),
            new Column<>("settlementDate", LoanDetail::settlementDate), new Column<>("reportCode", LoanDetail::reportCode),
            new Column<>("accountStatus", LoanDetail::accountStatus), new Column<>("balance", LoanDetail::balance),
            new Column<>("remainingPeriods", LoanDetail::remainingPeriods), new Column<>("gradeCode", LoanDetail::gradeCode),
            new Column<>("gradeChangedOn", LoanDetail::gradeChangedOn),
            new Column<>("repaymentStatus", LoanDetail::repaymentStatus), new Column<>("daysPastDue", LoanDetail::daysPastDue),
            new Column<>("overduePeriods", LoanDetail::overduePeriods), new Column<>("overdueTotal", LoanDetail::overdueTotal),
            new Column<>("overduePrincipal", LoanDetail::overduePrincipal),
            new Column<>("overdue31To60", LoanDetail::overdue31To60), new Column<>("overdue61To90", LoanDetail::overdue61To90),
            new Column<>("overdue91To180", LoanDetail::overdue91To180), new Column<>("overdueOver180", LoanDetail::overdueOver180),
            new Column<>("amountDue", LoanDetail::amountDue), new Column<>("amountPaid", LoanDetail::amountPaid),
            new Column<>("lastPaymentOn", LoanDetail::lastPaymentOn), new Column<>("closedOn", LoanDetail::closedOn));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper mapper;

    ReturnExports(JdbcClient jdbc, DataSource dataSource, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        // the generator must leave the response open (the servlet container ends it)
        this.mapper = mapper.rebuild().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    }

    /**
     * Every loan-detail row of a return, in row order (the caller checked the return is visible), fetched from
     * the database 1,000 rows at a time: a return of a million loans never sits in memory whole (without a
     * fetch size the driver reads the whole result first; the reporting benchmark ran out of heap at 1,000,000).
     */
    @Transactional(readOnly = true)
    public void forEachDetail(UUID returnId, Consumer<LoanDetail> consumer) {
        jdbc.sql("select * from reporting_loan_detail where return_id = ? order by row_no").param(returnId)
                .withFetchSize(1000)
                .query(rs -> {
                    consumer.accept(detail(rs));
                });
    }

    /** One page of loan-detail rows (from row {@code fromRow}, at most {@code size}). */
    @Transactional(readOnly = true)
    public List<LoanDetail> details(UUID returnId, int fromRow, int size) {
        return jdbc.sql("select * from reporting_loan_detail where return_id = ? and row_no >= ? order by row_no limit ?")
                .params(returnId, fromRow, size).query((rs, i) -> detail(rs)).list();
    }

    static LoanDetail detail(ResultSet rs) throws SQLException {
        return new LoanDetail(rs.getInt("row_no"), rs.getObject("loan_id", UUID.class), rs.getString("contract_number"),
                rs.getObject("customer_id", UUID.class), rs.getObject("product_id", UUID.class), rs.getString("currency"),
                rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate_percent"),
                rs.getObject("disbursement_date", LocalDate.class), rs.getObject("maturity_date", LocalDate.class),
                rs.getObject("settlement_date", LocalDate.class), rs.getString("report_code"), rs.getString("account_status"),
                rs.getBigDecimal("balance"), rs.getInt("remaining_periods"), rs.getString("grade_code"),
                rs.getObject("grade_changed_on", LocalDate.class), rs.getString("repayment_status"),
                rs.getInt("days_past_due"), rs.getInt("overdue_periods"), rs.getBigDecimal("overdue_total"),
                rs.getBigDecimal("overdue_principal"), rs.getBigDecimal("overdue_31_60"), rs.getBigDecimal("overdue_61_90"),
                rs.getBigDecimal("overdue_91_180"), rs.getBigDecimal("overdue_180_plus"), rs.getBigDecimal("amount_due"),
                rs.getBigDecimal("amount_paid"), rs.getObject("last_payment_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class));
    }

    // ---- CSV

    public byte[] returnCsv(ReturnDetail r) {
        StringBuilder out = new StringBuilder("\uFEFF");
        header(out, LINE_COLUMNS);
        for (Line line : r.lines()) {
            row(out, LINE_COLUMNS, line);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The loan-level detail as CSV, written by PostgreSQL ({@code COPY … TO STDOUT (FORMAT csv, HEADER)}, in the
     * caller's transaction and tenant wall): no Java object per row. The same bytes as the row-by-row rendering
     * ({@link #csv}): the same columns and names, amounts as stored, text cells quoted when they hold a comma,
     * quote or line break, a leading {@code = + - @}, tab or CR of the contract number neutralised with {@code '};
     * a BOM first and CRLF line ends (COPY writes LF; {@link CrLf} turns the record ends outside quotes into CRLF).
     */
    @Transactional(readOnly = true)
    public void writeDetailsCsv(UUID returnId, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                // the id is a parsed UUID: safe to write into the statement (COPY takes no parameters)
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "copy (" + DETAIL_CSV.replace(":returnId", "'" + returnId + "'::uuid")
                                + ") to stdout (format csv, header)", new CrLf(out));
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail's columns under {@link #DETAIL_COLUMNS}' names, in row order, text neutralised as {@link #csv} does. */
    static final String DETAIL_CSV = """
            select row_no as "row", loan_id as "loanId",
                   case when contract_number ~ '^[-=+@\\t\\r]' then '''' || contract_number else contract_number end
                       as "contractNumber",
                   customer_id as "customerId", product_id as "productId", currency as "currency", principal as "principal",
                   annual_rate_percent as "annualRatePercent", disbursement_date as "disbursementDate",
                   maturity_date as "maturityDate", settlement_date as "settlementDate", report_code as "reportCode",
                   account_status as "accountStatus", balance as "balance", remaining_periods as "remainingPeriods",
                   grade_code as "gradeCode", grade_changed_on as "gradeChangedOn", repayment_status as "repaymentStatus",
                   days_past_due as "daysPastDue", overdue_periods as "overduePeriods", overdue_total as "overdueTotal",
                   overdue_principal as "overduePrincipal", overdue_31_60 as "overdue31To60",
                   overdue_61_90 as "overdue61To90", overdue_91_180 as "overdue91To180",
                   overdue_180_plus as "overdueOver180", amount_due as "amountDue", amount_paid as "amountPaid",
                   last_payment_on as "lastPaymentOn", closed_on as "closedOn"
              from reporting_loan_detail where return_id = :returnId order by row_no""";

    /** CSV from COPY (LF record ends) to CRLF record ends; a line feed inside a quoted cell stays as it is. */
    static final class CrLf extends java.io.FilterOutputStream {
        private boolean quoted;

        CrLf(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                out.write('\r');
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '"') {
                    quoted = !quoted;
                } else if (b[i] == '\n' && !quoted) {
                    out.write(b, from, i - from);
                    out.write('\r');
                    from = i;
                }
            }
            out.write(b, from, off + len - from);
        }
    }

    private static <T> void header(StringBuilder out, List<Column<T>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append(columns.get(i).name());
        }
        out.append("\r\n");
    }

    private static <T> void row(StringBuilder out, List<Column<T>> columns, T value) {
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append(csv(columns.get(i).value().apply(value)));
        }
        out.append("\r\n");
    }

    /** A CSV cell: quoted when needed, and a leading =, +, - or @ of text neutralised (no formula injection). */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    // ---- XLSX

    public byte[] returnXlsx(ReturnDetail r) {
        return workbook(book -> {
            Sheet sheet = book.createSheet("return");
            int[] n = {0};
            headerRow(sheet.createRow(n[0]++), LINE_COLUMNS);
            for (Line line : r.lines()) {
                cells(sheet.createRow(n[0]++), LINE_COLUMNS, line);
            }
            Sheet dq = book.createSheet("dataQuality");
            Row head = dq.createRow(0);
            String[] names = {"rule", "category", "checked", "failed", "rate"};
            for (int i = 0; i < names.length; i++) {
                head.createCell(i).setCellValue(names[i]);
            }
            int k = 1;
            for (RuleResult rule : r.dataQuality().rules()) {
                Row row = dq.createRow(k++);
                row.createCell(0).setCellValue(rule.rule());
                row.createCell(1).setCellValue(rule.category());
                row.createCell(2).setCellValue(rule.checked());
                row.createCell(3).setCellValue(rule.failed());
                row.createCell(4).setCellValue(rule.rate().doubleValue());
            }
        });
    }

    /**
     * The loan-level detail as XLSX, written to {@code out} (the response): the streaming workbook keeps 200 rows in
     * memory and the rest in its temporary sheet file, which is zipped into {@code out} at the end; no copy of the
     * file is built in memory.
     */
    @Transactional(readOnly = true)
    public void writeDetailsXlsx(UUID returnId, OutputStream out) {
        workbook(book -> {
            Sheet sheet = book.createSheet("loanDetails");
            int[] n = {0};
            headerRow(sheet.createRow(n[0]++), DETAIL_COLUMNS);
            forEachDetail(returnId, d -> cells(sheet.createRow(n[0]++), DETAIL_COLUMNS, d));
        }, out);
    }

    private static byte[] workbook(Consumer<SXSSFWorkbook> fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook(fill, out);
        return out.toByteArray();
    }

    private static void workbook(Consumer<SXSSFWorkbook> fill, OutputStream out) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            fill.accept(book);
            book.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void headerRow(Row row, List<Column<T>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            row.createCell(i).setCellValue(columns.get(i).name());
        }
    }

    /**
     * Amounts go in as text cells holding the exact decimal (a spreadsheet's numbers are binary
     * floating point); counts as numbers.
     */
    private static <T> void cells(Row row, List<Column<T>> columns, T value) {
        for (int i = 0; i < columns.size(); i++) {
            Object v = columns.get(i).value().apply(value);
            if (v instanceof Integer number) {
                row.createCell(i).setCellValue(number);
            } else if (v != null) {
                row.createCell(i).setCellValue(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            }
        }
    }

    // ---- XML

    public byte[] returnXml(ReturnDetail r) {
        return xml(w -> {
            ReturnView h = r.header();
            w.writeStartElement("MonthlyReturn");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("id", h.id().toString());
            w.writeAttribute("institutionId", h.institutionId().toString());
            w.writeAttribute("period", h.period());
            w.writeAttribute("version", Integer.toString(h.version()));
            w.writeAttribute("status", h.status());
            w.writeAttribute("asOf", h.asOf().toString());
            w.writeAttribute("dueOn", h.dueOn().toString());
            w.writeAttribute("loans", Integer.toString(h.loans()));
            w.writeAttribute("balance", h.balance().toPlainString());
            w.writeStartElement("DataQuality");
            w.writeAttribute("score", r.dataQuality().score().toPlainString());
            for (RuleResult rule : r.dataQuality().rules()) {
                w.writeEmptyElement("Rule");
                w.writeAttribute("code", rule.rule());
                w.writeAttribute("category", rule.category());
                w.writeAttribute("checked", Integer.toString(rule.checked()));
                w.writeAttribute("failed", Integer.toString(rule.failed()));
            }
            w.writeEndElement();
            for (Line line : r.lines()) {
                w.writeEmptyElement("Line");
                attributes(w, LINE_COLUMNS, line);
            }
            w.writeEndElement();
        });
    }

    /** The loan-level detail as XML (valid against {@link #SCHEMA}), written element by element to {@code out}. */
    @Transactional(readOnly = true)
    public void writeDetailsXml(ReturnView r, OutputStream out) {
        xml(out, w -> {
            w.writeStartElement("LoanDetails");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("returnId", r.id().toString());
            w.writeAttribute("period", r.period());
            w.writeAttribute("version", Integer.toString(r.version()));
            forEachDetail(r.id(), d -> {
                try {
                    w.writeEmptyElement("Loan");
                    attributes(w, DETAIL_COLUMNS, d);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            w.writeEndElement();
        });
    }

    private static <T> void attributes(XMLStreamWriter w, List<Column<T>> columns, T value) throws XMLStreamException {
        for (Column<T> column : columns) {
            Object v = column.value().apply(value);
            if (v != null) {
                w.writeAttribute(column.name(), v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            }
        }
    }

    interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static byte[] xml(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xml(out, body);
        return out.toByteArray();
    }

    /** StAX to {@code out}: the writer buffers a few kilobytes and hands them on (XMLStreamWriter#close leaves {@code out} open). */
    private static void xml(OutputStream out, XmlBody body) {
        try {
            XMLOutputFactory factory = XMLOutputFactory.newFactory();
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NAMESPACE);
            body.write(w);
            w.writeEndDocument();
            w.flush();
            w.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- JSON

    /**
     * Every loan-detail row as one JSON array, written row by row with Jackson's streaming generator to {@code out}
     * (the same object per row as the paged API's {@code items}); nothing but the current row is held in memory.
     */
    @Transactional(readOnly = true)
    public void writeDetailsJson(UUID returnId, OutputStream out) {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartArray();
            forEachDetail(returnId, d -> mapper.writeValue(json, d));
            json.writeEndArray();
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
