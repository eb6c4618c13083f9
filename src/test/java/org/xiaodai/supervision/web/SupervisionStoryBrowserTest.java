package org.xiaodai.supervision.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.reporting.ReportingFixtures;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.supervision.SupervisionFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's "done when", walked through the pages in a real browser (no API call in the story): the
 * regulator signs in and sees the institutions with their indicators and open alerts; NBXD's admin
 * generates and submits a monthly return on the reporting console; the regulator opens it in the
 * submission inbox and rejects one row with a reason; the institution sees the rejection, generates
 * again and resubmits; the regulator accepts the new version; then a complaint is filed by the
 * regulator, routed to NBXD, answered there and resolved by the regulator on the complaint workbench.
 * The period is NBXD's business month minus five (no other test or the demo uses it), with three loans the test books
 * in it itself (nothing waits for the demo's background booking). Screenshots in
 * target/screenshots.
 */
@IntegrationTest
@Tag("browser")
class SupervisionStoryBrowserTest {

    @LocalServerPort
    int port;
    JdbcClient superuser;
    ServicingTestUtils servicing;
    Browser browser;
    WebDriver driver;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Autowired
    void servicing(ApplicationContext context) {
        this.servicing = new ServicingTestUtils(context);
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRegulatorReceivesARejectsARowAcceptsTheCorrectionAndFollowsAComplaint() {
        // set-up: NBXD has loans in the month (the return needs rows; booked here, not awaited from the demo) and an open alert
        String nbxd = superuser.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();
        String alert = SupervisionFixtures.alert(superuser, nbxd);
        YearMonth month = YearMonth.parse(ReportingFixtures.currentPeriod(superuser, "NBXD")).minusMonths(5);
        String period = month.toString();
        seedLoans(nbxd, month);

        // 1. the regulator's home: institutions with indicators and open alerts, submissions waiting; the overview
        signIn("regulator");
        assertThat(text(By.cssSelector("#home-institutions thead"))).contains("不良贷款率", "未处理预警", "上月报表");
        WebElement nbxdHome = driver.findElement(By.cssSelector("#home-institutions tr[data-key='" + nbxd + "']"));
        assertThat(nbxdHome.getText()).contains("宁波甬江小额贷款有限公司");
        assertThat(nbxdHome.findElement(By.cssSelector("a[href='/risk/alerts?institution=" + nbxd + "']")).getText())
                .as("NBXD's open alerts on the home table").isNotEqualTo("0");
        assertThat(nbxdHome.findElement(By.cssSelector("th a")).getAttribute("href")).endsWith("/supervision/institutions/" + nbxd);
        assertThat(tileValue("未处理预警")).as("open alerts tile").isPositive();
        assertThat(text(By.id("tiles"))).contains("待回执报表", "逾期未报");
        browser.screenshot("story-01-regulator-home");
        driver.findElement(By.cssSelector("#shortcuts a[href='/supervision']")).click();
        waitFor(By.id("institutions"));
        WebElement nbxdRow = row(By.id("institutions"), "NBXD");
        assertThat(text(By.cssSelector("#institutions thead"))).contains("不良贷款率");
        assertThat(nbxdRow.findElements(By.tagName("td"))).hasSizeGreaterThan(8);
        nbxdRow.findElement(By.partialLinkText("预警")).click();
        waitFor(By.id("alerts"));
        assertThat(driver.getCurrentUrl()).contains("institution=" + nbxd);
        assertThat(driver.findElement(By.id("alerts")).findElements(By.cssSelector("a[href='/risk/alerts/" + alert + "']")))
                .as("NBXD's open alert on the alert workbench").isNotEmpty();
        browser.screenshot("story-02-overview-alerts");
        signOut();

        // 2. NBXD's admin generates the month's return on the console and submits it
        signIn("b-admin");
        open("/reporting");
        WebElement periodField = driver.findElement(By.id("period"));
        periodField.clear();
        periodField.sendKeys(period);
        submit(By.cssSelector("#generate button[type=submit]"));
        waitFor(By.id("quality"));
        String first = returnId();
        assertThat(text(By.id("status"))).isEqualTo("已生成未报送");
        assertThat(text(By.tagName("h1"))).contains(period);
        assertThat(driver.findElements(By.cssSelector("#detail-rows tbody tr"))).as("the loan-level detail has rows").isNotEmpty();
        submit(By.cssSelector("#submit button"));
        waitFor(By.cssSelector(".flash, #status"));
        assertThat(text(By.id("status"))).isEqualTo("已报送待回执");
        assertThat(driver.findElements(By.id("submit"))).as("submitted once").isEmpty();
        browser.screenshot("story-03-submitted");
        signOut();

        // 3. the regulator opens it in the inbox and rejects row 1 with a reason
        signIn("regulator");
        open("/supervision/submissions?status=SUBMITTED");
        inboxLink(first, period, "1").click();
        waitFor(By.id("receipt-form"));
        // the regulator reviews what was submitted: the data-quality score by rule and the loan-level rows
        assertThat(text(By.id("quality"))).contains("余额与月末总账贷款本金一致", "借款人均为本机构客户档案中的客户");
        String rowOne = superuser.sql("select contract_number from reporting_loan_detail where return_id = ?::uuid and row_no = 1")
                .param(first).query(String.class).single();
        assertThat(text(By.id("detail-rows"))).contains(rowOne);
        driver.findElement(By.id("note")).sendKeys("第1行合同号有误，请更正后重报");
        driver.findElement(By.id("rejections-text")).sendKeys("1：合同号与合同文本不符");
        submit(By.cssSelector("#receipt-form button[value=reject]"));
        waitFor(By.id("receipt"));
        assertThat(text(By.id("status"))).isEqualTo("已退回");
        assertThat(text(By.id("rejections"))).contains("1", "合同号与合同文本不符");
        assertThat(driver.findElements(By.id("receipt-form"))).as("one receipt per version").isEmpty();
        browser.screenshot("story-04-rejected");
        signOut();

        // 4. the institution corrects the rejected row at its source (the loan's contract number, as its core system
        // would), sees the rejection on its console, generates again and resubmits: the new version carries the correction
        String corrected = rowOne + "-C";
        superuser.sql("update servicing_loan set contract_number = ? where contract_number = ? and institution_id = ?::uuid")
                .params(corrected, rowOne, nbxd).update();
        signIn("b-admin");
        open("/reporting");
        driver.findElement(By.cssSelector("#returns a[href='/reporting/returns/" + first + "']")).click();
        waitFor(By.id("rejections"));
        assertThat(text(By.id("status"))).isEqualTo("已退回");
        assertThat(text(By.id("receipt"))).contains("第1行合同号有误", "合同号与合同文本不符");
        submit(By.cssSelector("#regenerate button"));
        waitFor(By.id("versions"));
        String second = returnId();
        assertThat(second).isNotEqualTo(first);
        assertThat(text(By.tagName("h1"))).contains(period);
        assertThat(text(By.id("versions"))).contains("v1", "v2", "已退回");
        assertThat(superuser.sql("select contract_number from reporting_loan_detail where return_id = ?::uuid and row_no = 1")
                .param(second).query(String.class).single()).as("row 1 corrected in the new version").isEqualTo(corrected);
        submit(By.cssSelector("#submit button"));
        waitFor(By.id("status"));
        assertThat(text(By.id("status"))).isEqualTo("已报送待回执");
        browser.screenshot("story-05-resubmitted");
        signOut();

        // 5. the regulator accepts the new version
        signIn("regulator");
        open("/supervision/submissions?status=SUBMITTED");
        inboxLink(second, period, "2").click();
        waitFor(By.id("receipt-form"));
        submit(By.cssSelector("#receipt-form button[value=accept]"));
        waitFor(By.id("receipt"));
        assertThat(text(By.id("status"))).isEqualTo("已接收");
        assertThat(driver.findElements(By.id("rejections"))).isEmpty();
        open("/supervision/submissions?status=ACCEPTED");
        assertThat(driver.findElements(By.cssSelector("#submissions a[href='/reporting/returns/" + second + "']"))).isNotEmpty();
        browser.screenshot("story-06-accepted");

        // 6. a complaint filed by the regulator, routed to NBXD, answered there and resolved by the regulator
        String subject = "浏览器测试投诉 " + UUID.randomUUID().toString().substring(0, 8);
        open("/complaints");
        new Select(driver.findElement(By.id("institutionId"))).selectByValue(nbxd);
        driver.findElement(By.id("complainantName")).sendKeys("陈晓明");
        driver.findElement(By.id("subject")).sendKeys(subject);
        driver.findElement(By.id("description")).sendKeys("催收电话在晚上十点后打来");
        submit(By.cssSelector("#complaint-form button[type=submit]"));
        waitFor(By.id("complaint"));
        String complaintUrl = driver.getCurrentUrl();
        assertThat(text(By.tagName("h1"))).contains(subject);
        assertThat(text(By.id("complaint"))).contains("待答复", "陈晓明");
        assertThat(driver.findElements(By.id("respond-form"))).as("the regulator does not answer").isEmpty();
        signOut();

        signIn("b-admin");
        open("/complaints?q=" + subject.substring(subject.length() - 8));
        WebElement routed = row(By.id("complaints"), subject);
        assertThat(routed.getText()).contains("待答复");
        routed.findElement(By.tagName("a")).click();
        waitFor(By.id("respond-form"));
        driver.findElement(By.id("response")).sendKeys("已核实，已约谈催收人员并向投诉人致歉");
        submit(By.cssSelector("#respond-form button[type=submit]"));
        waitFor(By.id("complaint"));
        assertThat(text(By.id("complaint"))).contains("已答复", "已约谈催收人员");
        browser.screenshot("story-07-answered");
        signOut();

        signIn("regulator");
        open("/complaints?q=" + subject.substring(subject.length() - 8));
        assertThat(row(By.id("complaints"), subject).getText()).contains("已答复");
        driver.get(complaintUrl);
        waitFor(By.id("resolve-form"));
        new Select(driver.findElement(By.id("outcome"))).selectByValue("UPHELD");
        driver.findElement(By.id("resolution")).sendKeys("责令整改催收时段管理");
        submit(By.cssSelector("#resolve-form button[type=submit]"));
        waitFor(By.id("complaint"));
        assertThat(text(By.id("complaint"))).contains("已办结", "投诉成立", "责令整改催收时段管理");
        assertThat(driver.findElements(By.id("resolve-form"))).isEmpty();
        assertThat(text(By.cssSelector("main ol"))).contains("登记", "机构答复", "办结");
        open("/complaints?q=" + subject.substring(subject.length() - 8));
        assertThat(row(By.id("complaints"), subject).getText()).contains("已办结");
        browser.screenshot("story-08-resolved");
        List<String> refused = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(refused).isEmpty();
    }

    /**
     * Books three NBXD loans disbursed in {@code month} (as a contract accepted and paid out that day), so the return
     * has rows to reject without waiting for the demo's loans, which are booked in the background after start.
     */
    private void seedLoans(String institution, YearMonth month) {
        UUID id = UUID.fromString(institution);
        for (int i = 0; i < 3; i++) {
            LocalDate disbursed = month.atDay(5 + 5 * i);
            UUID loan = servicing.open(id, ServicingTestUtils.terms("8000.00", "12", 6, disbursed), ServicingPolicy.standard(),
                    false, ServicingTestUtils.payableLoanId());
            servicing.activate(id, loan, disbursed);
        }
    }

    private void signIn(String user) {
        open("/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.id("nav"));
    }

    private void signOut() {
        submit(By.cssSelector("form.logout button"));
        waitFor(By.id("username"));
    }

    /** Clicks a form's button and waits for the page it leads to. */
    private void submit(By button) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("the page after " + button)
                .until(Browser.replaced(old));
    }

    /** The inbox's link to a return, checking its row shows the period, version and status waiting. */
    private WebElement inboxLink(String id, String period, String version) {
        WebElement link = driver.findElement(By.cssSelector("#submissions a[href='/reporting/returns/" + id + "']"));
        List<String> cells = link.findElement(By.xpath("./ancestor::tr")).findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells.get(1)).isEqualTo(period);
        assertThat(cells.get(2)).isEqualTo(version);
        assertThat(cells.get(3)).contains("已报送待回执");
        return link;
    }

    private String returnId() {
        String url = driver.getCurrentUrl();
        String path = url.substring(url.indexOf("/reporting/returns/") + "/reporting/returns/".length());
        return path.replaceAll("[?#].*", "");
    }

    private long tileValue(String label) {
        for (WebElement tile : driver.findElements(By.cssSelector("#tiles .tile"))) {
            if (tile.findElement(By.className("tile-label")).getText().equals(label)) {
                return Long.parseLong(tile.findElement(By.className("tile-value")).getText().strip());
            }
        }
        throw new AssertionError("no tile " + label + " in " + text(By.id("tiles")));
    }

    /** The first row of the table whose text contains {@code needle}. */
    private WebElement row(By table, String needle) {
        return driver.findElement(table).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + needle + " in " + text(table)));
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private void waitFor(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
