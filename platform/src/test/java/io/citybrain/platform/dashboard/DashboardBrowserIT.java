package io.citybrain.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.TestServer;
import io.citybrain.testing.Prerequisites;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromium-driver, installed by
 * scripts/test-all.sh; CITYBRAIN_CHROMIUM and CITYBRAIN_CHROMEDRIVER name other paths): start a run on Jinan, watch the map update, see the summary charts, replay it, and
 * get a clear message for the wrong replay file. Screenshots go to {@code
 * target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  static TestServer api;
  static ChromeDriver browser;
  static long runId;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = Prerequisites.executable("CITYBRAIN_CHROMIUM", Path.of("/usr/bin/chromium"), "Chromium (headless browser)", "chromium");
    Path chromedriver =
        Prerequisites.executable("CITYBRAIN_CHROMEDRIVER", Path.of("/usr/bin/chromedriver"), "ChromeDriver", "chromium-driver");
    Files.createDirectories(SHOTS);
    api = TestServer.embedded(dir.resolve("data"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toString());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    browser = new ChromeDriver(service, options);
    open("/");
  }

  /**
   * Opens a page of the dashboard and enters the token, as an operator does: the page keeps it in
   * memory only, so a page load (not a change of the '#' part) forgets it.
   */
  private static void open(String path) {
    browser.get(api.base() + path);
    ((JavascriptExecutor) browser)
        .executeScript(
            "const t = document.getElementById('token'); t.value = arguments[0];"
                + " t.dispatchEvent(new Event('change'));",
            api.token());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.close();
    }
  }

  private static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private static void screenshot(String name) throws Exception {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static int mapStep() {
    return Integer.parseInt(browser.findElement(By.id("map")).getAttribute("data-step"));
  }

  @Test
  @Order(1)
  void startARunOnJinanAndWatchTheMapUpdate() throws Exception {
    waitUpTo(15).until(d -> d.findElements(By.cssSelector("#scenario option")).size() > 3);
    new Select(browser.findElement(By.id("scenario"))).selectByValue("jinan");
    new Select(browser.findElement(By.id("controller"))).selectByValue("max-pressure");
    browser.findElement(By.id("steps")).clear();
    browser.findElement(By.id("steps")).sendKeys("900");
    browser.findElement(By.id("pace")).clear();
    browser.findElement(By.id("pace")).sendKeys("90");
    browser.findElement(By.id("start-run")).click();

    waitUpTo(30).until(d -> mapStep() > 30);
    int first = mapStep();
    screenshot("01-city-map-live.png");
    Thread.sleep(2000);
    waitUpTo(10).until(d -> mapStep() > first + 60);
    int second = mapStep();
    screenshot("02-city-map-later.png");
    assertThat(second).as("the map follows the simulation").isGreaterThan(first);
    assertThat(browser.findElement(By.id("live-info")).getText()).contains("max-pressure");

    JsonNode runs = api.get("/api/runs").json().get("runs");
    runId = runs.get(0).get("id").asLong();
    assertThat(runs.get(0).get("createdBy").asText()).startsWith("token:");
    // the run list shows it with its progress
    waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#runs-mini tr[data-run='" + runId + "']")).isEmpty());
  }

  @Test
  @Order(2)
  void seeTheSummaryCharts() throws Exception {
    api.awaitRun(runId, "succeeded", Duration.ofSeconds(60));
    open("/#/runs/" + runId);
    waitUpTo(20).until(d -> {
      String p = d.findElement(By.id("chart-att")).getAttribute("data-points");
      return p != null && Integer.parseInt(p) > 0;
    });
    assertThat(browser.findElement(By.id("chart-att")).getAttribute("data-points")).isEqualTo("15");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("averageTravelTimeSeconds");
    Object drawn =
        ((JavascriptExecutor) browser)
            .executeScript("return Chart.getChart(document.getElementById('chart-vehicles')).data.datasets[0].data.length;");
    assertThat(((Number) drawn).intValue()).isEqualTo(15);
    Thread.sleep(300);
    screenshot("03-run-summary-charts.png");
  }

  @Test
  @Order(3)
  void replayTheFinishedRun() throws Exception {
    open("/#/replay/" + runId);
    waitUpTo(20).until(d -> d.findElement(By.id("replay-step")).getText().contains("/ 900"));
    browser.findElement(By.id("replay-slider"));
    ((JavascriptExecutor) browser)
        .executeScript("const s = document.getElementById('replay-slider'); s.value = 600; s.dispatchEvent(new Event('input'));");
    waitUpTo(20).until(d -> d.findElement(By.id("replay-step")).getText().startsWith("step 601"));
    assertThat(browser.findElement(By.id("replay-step")).getText()).doesNotContain("— 0 vehicles");
    screenshot("04-replay.png");
  }

  @Test
  @Order(4)
  void theInputRoadnetGivesAClearWrongFileTypeMessage() throws Exception {
    Path input = dir.resolve("roadnet.json");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("cases/C03/roadnet.json")) {
      Files.copy(in, input);
    }
    open("/#/replay");
    browser.findElement(By.id("replay-roadnet-file")).sendKeys(input.toAbsolutePath().toString());
    waitUpTo(10).until(d -> !d.findElement(By.id("replay-error")).getText().isEmpty());
    assertThat(browser.findElement(By.id("replay-error")).getText()).startsWith("Wrong file type").contains("input roadnet");
    screenshot("05-replay-wrong-file-type.png");
  }

  @Test
  @Order(5)
  void compareControllersSideBySide() throws Exception {
    long other = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":900}").json().get("id").asLong();
    api.awaitRun(other, "succeeded", Duration.ofSeconds(60));
    open("/#/compare");
    waitUpTo(20).until(d -> d.findElement(By.id("compare-table")).getText().contains("fixed-time"));
    assertThat(browser.findElement(By.id("compare-table")).getText()).contains("max-pressure").contains("averageTravelTimeSeconds");
    Thread.sleep(300);
    screenshot("06-compare.png");
  }

  @Test
  @Order(6)
  void namesFromUploadsAreShownAsTextNotMarkup() throws Exception {
    byte[] roadnet;
    byte[] flow;
    try (InputStream r = getClass().getClassLoader().getResourceAsStream("cases/C03/roadnet.json");
        InputStream f = getClass().getClassLoader().getResourceAsStream("cases/C03/flow.json")) {
      roadnet = r.readAllBytes();
      flow = f.readAllBytes();
    }
    String evil = "<img src=x onerror=\"window.__injected=1\">";
    var up = api.multipart("/api/scenarios", api.token(), new Object[] {"name", null, evil},
        new Object[] {"roadnet", "roadnet.json", roadnet}, new Object[] {"flow", "flow.json", flow});
    assertThat(up.status()).as(up.body()).isIn(200, 201);
    open("/");
    waitUpTo(15).until(d -> d.findElements(By.cssSelector("#scenario option")).size() > 7);
    Thread.sleep(500);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__injected === undefined;")).isEqualTo(true);
    assertThat(browser.findElement(By.id("scenario")).getText()).contains("<img src=x");
  }
}
