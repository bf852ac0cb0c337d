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
import java.util.List;
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
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
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
    // friendly labels with units, not JSON keys
    assertThat(browser.findElement(By.id("summary")).getText()).contains("average travel time (s)").doesNotContain("averageTravelTimeSeconds");
    Object drawn =
        ((JavascriptExecutor) browser)
            .executeScript("return Chart.getChart(document.getElementById('chart-vehicles')).data.datasets[0].data.length;");
    assertThat(((Number) drawn).intValue()).isEqualTo(15);
    // the run page fits a 1280 px wide window: nothing scrolls sideways
    screenshot("03-run-summary-charts.png");
    Object width = js("return document.documentElement.scrollWidth;");
    Object wide = js("return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 1280)"
        + ".map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join('; ');");
    assertThat(((Number) width).intValue()).as("page width at a 1280 px window; too wide: %s", wide).isLessThanOrEqualTo(1280);
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
    assertThat(browser.findElement(By.id("compare-table")).getText()).contains("max-pressure").contains("average travel time (s)");
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

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static String mapData(String key) {
    return browser.findElement(By.id("map")).getAttribute("data-" + key);
  }

  /** Every view of the navigation bar opens and shows its content (each view's screenshot is saved). */
  @Test
  @Order(10)
  void clickThroughEveryView() throws Exception {
    open("/#/");
    waitUpTo(15).until(d -> d.findElement(By.id("view-city")).getAttribute("class").contains("active"));
    String[][] views = {
      {"nav-runs", "view-runs", "runs-table"}, {"nav-compare", "view-compare", "compare-table"},
      {"nav-grid", "view-grid", "grid-dispatches"}, {"nav-replay", "view-replay", "replay-canvas"},
      {"nav-audit", "view-audit", "audit-table"}, {"nav-live", "view-live", "live-map"}, {"nav-city", "view-city", "map"}};
    for (String[] v : views) {
      browser.findElement(By.id(v[0])).click();
      waitUpTo(10).until(d -> d.findElement(By.id(v[1])).getAttribute("class").contains("active"));
      waitUpTo(10).until(d -> d.findElement(By.id(v[2])).isDisplayed());
      assertThat(browser.findElement(By.id(v[0])).getAttribute("class")).contains("active");
      screenshot("10-view-" + v[1].substring(5) + ".png");
    }
  }

  /**
   * Nanchang's 2,067 intersections on a geographic map: clustered when the whole city is in view;
   * zoomed to one junction, its lanes, movement arrows and phase diagram (9 phases, CBEngine's
   * 8 and the right-turn-only transition).
   */
  @Test
  @Order(11)
  void zoomNanchangToOneJunctionAndReadItsPhaseDiagram() throws Exception {
    open("/#/");
    waitUpTo(15).until(d -> d.findElements(By.cssSelector("#scenario option[value='nanchang-flow0']")).size() == 1);
    new Select(browser.findElement(By.id("scenario"))).selectByValue("nanchang-flow0");
    waitUpTo(120).until(d -> "nanchang-flow0".equals(mapData("scenario")));
    assertThat(mapData("crs")).isEqualTo("geographic");
    assertThat(mapData("lod")).as("the whole city: intersections in clusters").isEqualTo("clusters");
    assertThat(Integer.parseInt(mapData("clusters"))).isBetween(2, 400);
    screenshot("11-nanchang-whole-city.png");

    // the first signalised intersection of the map, as the server sent it
    String id = (String) js("return CityMap.signalisedIds()[0];");
    long phaseCount = (Long) js("return CityMap.intersection(arguments[0]).phaseCount;", id);
    browser.findElement(By.id("junction-search")).sendKeys(id);
    browser.findElement(By.id("junction-go")).click();
    waitUpTo(20).until(d -> !d.findElements(By.cssSelector("#phase-diagram figure")).isEmpty());
    assertThat(mapData("lod")).as("one junction: lanes and arrows").isEqualTo("lanes");
    assertThat(browser.findElement(By.id("junction-title")).getText()).isEqualTo("Intersection " + id);
    var figures = browser.findElements(By.cssSelector("#phase-diagram figure"));
    assertThat(figures).hasSize((int) phaseCount).hasSize(9);
    for (int p = 0; p < figures.size(); p++) {
      Object green = js("return CityMap.intersection(arguments[0]).phaseRoadLinks[arguments[1]].length;", id, p);
      assertThat(figures.get(p).getAttribute("data-green-movements")).as("phase %d", p).isEqualTo(String.valueOf(green));
    }
    // CBEngine's phase 0 is the transition with only the right turns green
    Object rightTurns = js("const it = CityMap.intersection(arguments[0]);"
        + " return it.roadLinkTypes.filter((t) => t === 'turn_right').length;", id);
    assertThat(figures.get(0).getAttribute("data-green-movements")).isEqualTo(String.valueOf(rightTurns));
    Object movements = js("return CityMap.intersection(arguments[0]).roadLinks.length;", id);
    assertThat(browser.findElements(By.cssSelector("#junction-movements tbody tr"))).hasSize(((Number) movements).intValue());
    screenshot("12-nanchang-one-junction.png");
  }

  /** A grid dispatch started from the page: case5's binding branch and the saving over naive. */
  @Test
  @Order(12)
  void startAGridDispatchAndDownloadItsBindingConstraintsAsCsv() throws Exception {
    open("/#/grid");
    waitUpTo(15).until(d -> d.findElements(By.cssSelector("#grid-case option[value='case5']")).size() == 1);
    new Select(browser.findElement(By.id("grid-case"))).selectByValue("case5");
    browser.findElement(By.id("grid-start")).click();
    waitUpTo(60).until(d -> d.findElement(By.id("grid-result")).isDisplayed()
        && !d.findElements(By.cssSelector("#grid-binding tbody tr")).isEmpty());
    // MATPOWER's case5 at the DC optimum: branch 6 (buses 4-5) at its 240 MW rating binds
    assertThat(browser.findElement(By.id("grid-binding")).getText()).contains("branch rating").contains("branch 6 (4-5)");
    assertThat(browser.findElement(By.id("grid-summary")).getText()).contains("saving over naive (%)");
    assertThat(browser.findElements(By.cssSelector("#grid-diagram .bus"))).hasSize(5);
    assertThat(browser.findElements(By.cssSelector("#grid-diagram .branch"))).hasSize(6);
    screenshot("13-grid-dispatch-case5.png");

    browser.findElement(By.cssSelector("button.export[data-table='grid-binding']")).click();
    waitUpTo(10).until(d -> js("return window.lastExport && window.lastExport.name;") != null);
    assertThat(js("return window.lastExport.name;")).isEqualTo("citybrain-binding-constraints.csv");
    String csv = (String) js("return window.lastExport.text;");
    List<String> lines = List.of(csv.split("\\R"));
    assertThat(lines.get(0)).isEqualTo("kind,constraint,shadow price ($/MWh)");
    assertThat(lines.get(1)).startsWith("branch rating,branch 6 (4-5) at -240.000 MW of 240.000,");
  }
}
