package io.tipoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipoff.testing.EventStream;
import io.tipoff.testing.Http;
import io.tipoff.testing.JobRequests;
import io.tipoff.testing.TeamData;
import io.tipoff.testing.TestServices;
import io.tipoff.testing.Waits;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * .ci/run installs) against a real api and worker. Jobs are submitted through the page as a person would; screenshots
 * are saved in {@code target/screenshots/}. Without Chromium the tests fail, saying what to install: they are never
 * skipped.
 */
class DashboardBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The machine running the tests is shared and slow at times: a job, a page or a chart gets this long. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** A bracket of five imported 2019 teams: Michigan St and Air Force play in for W04. */
    private static final String SEEDS = "Season,Seed,TeamID\n2019,W01,1438\n2019,W02,1181\n2019,W03,1403\n"
            + "2019,W04a,1277\n2019,W04b,1102\n";
    private static final String SLOTS = "Season,Slot,StrongSeed,WeakSeed\n2019,W04,W04a,W04b\n2019,R1W1,W01,W04\n"
            + "2019,R1W2,W02,W03\n2019,R2W1,R1W1,R1W2\n";

    /** The public's picks of that bracket: most of it has Virginia; the play-in pair listed as one entry. */
    private static final String PICKS = "season,kaggle_team_id,kaggle_seed,pick_win_r64,pick_win_r32,pick_win_s16,"
            + "pick_win_e8,pick_win_f4,pick_champion\n2019,1438,W01,0.9,0.7,0,0,0,0\n2019,1181,W02,0.6,0.2,0,0,0,0\n"
            + "2019,1403,W03,0.4,0.05,0,0,0,0\n2019,1277|1102,W04a|W04b,0.1,0.05,0,0,0,0\n";

    private static TestServices.Environment services;
    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext worker;
    private static Http http;
    private static String base;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        ChromeDriverService driverService = driverService();
        services = TestServices.newEnvironment();
        api = Apps.api(services, "tipoff.events.interval=100ms");
        worker = Apps.worker(services, "tipoff.worker.threads=2");
        base = "http://localhost:" + Apps.port(api);
        http = new Http(Apps.port(api));
        assertThat(http.post("/api/v1/teams/import", "text/csv", TeamData.SAMPLE).statusCode()).isEqualTo(200);
        assertThat(http.postFiles("/api/v1/seasons/2019/bracket", Map.of("seeds", SEEDS, "slots", SLOTS))
                .statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/seasons/2019/picks", "text/csv", PICKS).statusCode()).isEqualTo(200);
        Files.createDirectories(SCREENSHOTS);
        browser = new ChromeDriver(driverService, chromiumOptions());
        browser.manage().window().setSize(new Dimension(1280, 2000));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (worker != null) {
            worker.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /**
     * Debian's chromedriver, named explicitly so that Selenium Manager never downloads one (the build has no network
     * but the package registries). {@code TIPOFF_CHROMEDRIVER} and {@code TIPOFF_CHROMIUM} point elsewhere.
     */
    private static ChromeDriverService driverService() {
        File driver = executable("TIPOFF_CHROMEDRIVER", "/usr/bin/chromedriver");
        executable("TIPOFF_CHROMIUM", "/usr/bin/chromium");
        return new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort()
                .withLogFile(new File("target", "chromedriver.log")).build();
    }

    private static ChromeOptions chromiumOptions() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("TIPOFF_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory("tipoff-chromium").toAbsolutePath());
        return options;
    }

    private static File executable(String variable, String fallback) {
        String path = System.getenv().getOrDefault(variable, fallback);
        File file = new File(path);
        if (!file.canExecute()) {
            throw new IllegalStateException("The browser tests need " + path + ": install Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver; .ci/run does), or set " + variable);
        }
        return file;
    }

    @Test
    void aMatchupSubmittedOnThePageFillsTheBarToOneHundredPercentAndDrawsItsResult() throws IOException {
        browser.get(base + "/");
        awaitTeamsListed();
        new Select(find("#team-season")).selectByValue("2019");
        new Select(find("#team-a")).selectByValue("1438");
        new Select(find("#team-b")).selectByValue("1403");
        type("#simulations", "1000000");
        type("#seed", "11");
        type("#chunk-size", "50000");
        watchBar();
        find("#submit").click();

        AtomicBoolean midJobShot = new AtomicBoolean();
        await("the bar at 100%", () -> {
            int now = Integer.parseInt(find("#progress").getAttribute("aria-valuenow"));
            if (now > 0 && now < 100 && !midJobShot.getAndSet(true)) {
                screenshot("progress");
            }
            return now == 100;
        });
        await("the progress detail saying the job completed",
                () -> find("#progress-detail").getText().startsWith("Completed: 1,000,000 of 1,000,000 simulated"));
        assertThat(find("#progress-status").getDomProperty("textContent")).as("announced").startsWith("Completed");
        List<Long> seen = barValues();
        assertThat(seen).isSorted().endsWith(100L);
        assertThat(seen).as("the bar moved between 0 and 100").anySatisfy(v -> assertThat(v).isBetween(1L, 99L));
        assertThat(find("#progress-text").getText()).isEqualTo("100%");

        String id = jobOnShow();
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + id + "/result"));
        await("job " + id + " rendered", () -> id.equals(find("#result").getDomAttribute("data-rendered")));
        for (String chart : List.of("win", "margin", "scores", "box")) {
            WebElement svg = awaitElement("[data-chart=" + chart + "] svg");
            assertThat(svg.getSize().getWidth()).as(chart).isGreaterThan(200);
            assertThat(svg.getSize().getHeight()).as(chart).isGreaterThan(30);
        }
        // One bar per margin that occurred, and a description a screen reader reads instead of the drawing.
        assertThat(findAll("[data-chart=margin] svg path").size()).isGreaterThan(result.get("margin").get("histogram")
                .size());
        assertThat(find("[data-chart=margin]").getAttribute("aria-label")).contains(
                "median " + result.get("margin").get("percentiles").get("p50").asInt());
        assertThat(shownPercent("[data-value=win-a]")).isCloseTo(100 * result.get("teamA").get("winProbability")
                .asDouble(), org.assertj.core.data.Offset.offset(0.05 + 1e-9));
        assertThat(shownPercent("[data-value=win-b]")).isCloseTo(100 * result.get("teamB").get("winProbability")
                .asDouble(), org.assertj.core.data.Offset.offset(0.05 + 1e-9));
        assertThat(find("#job-title").getText()).isEqualTo("Virginia vs Texas Tech");
        assertThat(find("table.box").getText()).contains("Offensive rebound %");
        assertThat(findAll("#recent tbody tr[data-job='" + id + "']")).hasSize(1);
        screenshot("matchup");
    }

    @Test
    void aTournamentsTableSortsByAnyColumnWithMouseOrKeyboardAndItsBracketShowsEachFavourite() throws IOException {
        browser.get(base + "/");
        find("input[name=type][value=TOURNAMENT]").click();
        await("the bracket's summary", () -> find("#bracket-info").getText().equals("5 teams, 4 games."));
        type("#simulations", "3000");
        type("#seed", "5");
        find("#submit").click();
        awaitJobOnShowRendered();
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + jobOnShow() + "/result"));
        List<JsonNode> teams = new ArrayList<>();
        result.get("teams").forEach(teams::add);
        Comparator<JsonNode> byTitle = Comparator.comparingDouble(t -> t.get("rounds").get("CHAMP").get("p").asDouble());
        Comparator<JsonNode> bySeed = Comparator.comparing(t -> t.get("seed").asString());

        // At first the likeliest champion leads.
        assertThat(header("CHAMP").getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(rowSeeds()).isEqualTo(seeds(teams, byTitle.reversed().thenComparing(bySeed)));
        JsonNode favourite = teams.stream().max(byTitle).orElseThrow();
        assertThat(findAll("table.rounds tbody tr").get(0).getText()).contains(favourite.get("name").asString())
                .endsWith(percent(favourite.get("rounds").get("CHAMP").get("p").asDouble()));

        // By keyboard: the team names in order.
        header("Team").findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        assertThat(header("Team").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(header("CHAMP").getAttribute("aria-sort")).isNull();
        assertThat(findAll("table.rounds tbody th").stream().map(WebElement::getText).toList())
                .containsExactly("Air Force", "Duke", "Michigan St", "Texas Tech", "Virginia");

        // By mouse: a chance column, largest first, then smallest first.
        header("CHAMP").findElement(By.tagName("button")).click();
        assertThat(header("CHAMP").getAttribute("aria-sort")).isEqualTo("descending");
        header("CHAMP").findElement(By.tagName("button")).click();
        assertThat(header("CHAMP").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(rowSeeds()).isEqualTo(seeds(teams, byTitle.thenComparing(bySeed)));
        assertThat(findAll("table.rounds thead th").stream().map(WebElement::getText).toList())
                .containsExactly("Seed", "Team", "F4", "NCG", "CHAMP");

        List<WebElement> games = findAll("svg.bracket g.game");
        assertThat(games).hasSize(4);
        for (JsonNode slot : result.get("slots")) {
            JsonNode top = slot.get("winners").get(0);
            String shown = find("svg.bracket g.game[data-slot='" + slot.get("slot").asString() + "']").getText();
            assertThat(shown).contains(top.get("name").asString()).endsWith(percent(top.get("probability").asDouble()));
        }
        screenshot("tournament");
    }

    @Test
    void aClickOnAGameOfTheBracketFixesItsWinnerAndRunsTheBracketAgain() throws IOException {
        browser.get(base + "/");
        find("input[name=type][value=TOURNAMENT]").click();
        await("the bracket's summary", () -> find("#bracket-info").getText().equals("5 teams, 4 games."));
        type("#simulations", "2000");
        type("#seed", "5");
        find("#submit").click();
        awaitJobOnShowRendered();
        String first = jobOnShow();

        // By keyboard: the play-in game, then Air Force (W04b) as its winner.
        find("svg.bracket g.game[data-slot='W04']").sendKeys(Keys.ENTER);
        awaitElement("#fix-winner button[data-seed='W04b']");
        find("#fix-winner button[data-seed='W04b']").click();
        await("a new job after " + first + " rendered",
                () -> !jobOnShow().equals(first) && jobOnShow().equals(find("#result").getDomAttribute("data-rendered")));

        JsonNode job = Http.json(http.get("/api/v1/jobs/" + jobOnShow()));
        assertThat(job.get("tournament").get("results").toString()).isEqualTo("{\"W04\":\"W04b\"}");
        assertThat(job.get("seed").asLong()).isEqualTo(5);
        assertThat(find("svg.bracket g.game[data-slot='W04']").getAttribute("class")).contains("decided");
        assertThat(find("svg.bracket g.game[data-slot='W04']").getText()).contains("Air Force").endsWith("won");
        assertThat(find("#job-summary").getText()).contains("1 game decided");
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + jobOnShow() + "/result"));
        for (JsonNode team : result.get("teams")) {
            if (team.get("seed").asString().equals("W04a")) {
                assertThat(team.get("rounds").get("F4").get("p").asDouble()).isZero();
            }
        }
        screenshot("tournament-fixed");

        // By mouse: the final, its favourite as the champion; then every result cleared.
        String second = jobOnShow();
        find("svg.bracket g.game[data-slot='R2W1']").click();
        awaitElement("#fix-winner .choices button");
        String champion = findAll("#fix-winner .choices button").get(0).getDomAttribute("data-seed");
        findAll("#fix-winner .choices button").get(0).click();
        await("a new job after " + second + " rendered",
                () -> !jobOnShow().equals(second) && jobOnShow().equals(find("#result").getDomAttribute("data-rendered")));
        assertThat(Http.json(http.get("/api/v1/jobs/" + jobOnShow())).get("tournament").get("results")
                .get("R2W1").asString()).isEqualTo(champion);
        String third = jobOnShow();
        find("#clear-results").click();
        await("a new job after " + third + " rendered",
                () -> !jobOnShow().equals(third) && jobOnShow().equals(find("#result").getDomAttribute("data-rendered")));
        assertThat(Http.json(http.get("/api/v1/jobs/" + jobOnShow())).get("tournament").get("results").size())
                .isZero();
    }

    @Test
    void aGameInProgressIsPlayedFromTheScoreAndClockGiven() {
        browser.get(base + "/");
        awaitTeamsListed();
        assertThat(find("#live-clock").isDisplayed()).isFalse();
        find("#live").click();
        type("#live-clock", "0:45");
        type("#live-a", "70");
        type("#live-b", "68");
        new Select(find("#live-ball")).selectByValue("TEAM_B");
        type("#simulations", "5000");
        find("#submit").click();

        awaitJobOnShowRendered();
        JsonNode state = Http.json(http.get("/api/v1/jobs/" + jobOnShow())).get("matchup").get("state");
        assertThat(state.get("period").asInt()).isEqualTo(2);
        assertThat(state.get("secondsLeft").asInt()).isEqualTo(45);
        assertThat(state.get("teamAPoints").asInt()).isEqualTo(70);
        assertThat(state.get("possession").asString()).isEqualTo("TEAM_B");
        assertThat(find("#job-summary").getText()).contains("from 70–68, 0:45 left in the 2nd half");

        type("#live-clock", "25:00");
        find("#submit").click();
        await("the form's error \"A half lasts 20:00…\"", () -> find("#form-error").getText().startsWith("A half lasts 20:00"));
        assertThat(find("#live-clock").getAttribute("aria-invalid")).isEqualTo("true");
        find("#live").click();
    }

    @Test
    void aPoolShowsTheChosenEntryBesideTheBaselinesAndItsContrarianPicksInTheBracket() throws IOException {
        browser.get(base + "/");
        find("input[name=type][value=BRACKET_POOL]").click();
        await("the pool's seasons listed", () -> !new Select(find("#pool-season")).getOptions().isEmpty());
        new Select(find("#pool-season")).selectByValue("2019");
        type("#pool-entrants", "10");
        type("#pool-scoring", "10, 20");
        type("#simulations", "2000");
        type("#seed", "5");
        find("#submit").click();
        awaitJobOnShowRendered();
        JsonNode result = Http.json(http.get("/api/v1/jobs/" + jobOnShow() + "/result"));

        assertThat(find("#job-title").getText()).isEqualTo("2019 bracket pool");
        assertThat(find("table.pool-entries tr[data-entry=chosen]").getText())
                .contains(percent(result.get("winProbability").asDouble()));
        assertThat(find("table.pool-entries tr[data-entry=favourites]").getText())
                .contains(percent(result.get("baselines").get("favorites").get("winProbability").asDouble()));
        List<JsonNode> contrarian = new ArrayList<>();
        result.get("picks").forEach(p -> {
            if (p.get("contrarian").asBoolean()) {
                contrarian.add(p);
            }
        });
        assertThat(findAll("table.contrarian tbody tr")).hasSize(contrarian.size());
        for (JsonNode pick : result.get("picks")) {
            WebElement game = find("svg.bracket g.game[data-slot='" + pick.get("slot").asString() + "']");
            assertThat(game.getText()).contains(pick.get("name").asString())
                    .endsWith(percent(pick.get("chance").asDouble()));
            assertThat(game.getDomAttribute("class")).isEqualTo(pick.get("contrarian").asBoolean()
                    ? "game contrarian" : "game");
        }
        assertThat(findAll("svg.bracket g.game")).hasSize(4);
        screenshot("pool");
    }

    @Test
    void aFinishedJobOpenedByItsAddressFitsAPhoneScreen() throws IOException {
        Map<String, Object> body = JobRequests.matchup(50_000, 3L);
        String id = Http.json(http.postJson("/api/v1/jobs", JobRequests.json(body))).get("id").asString();
        try (EventStream events = http.events("/api/v1/jobs/" + id + "/events")) {
            assertThat(events.untilEnd(WAIT)).last().extracting(EventStream.Event::name).isEqualTo("completed");
        }
        browser.manage().window().setSize(new Dimension(390, 2400));
        try {
            browser.get(base + "/#job=" + id);
            await("job " + id + " rendered", () -> id.equals(find("#result").getDomAttribute("data-rendered")));
            awaitElement("[data-chart=box] svg");
            assertThat(find("#progress").getAttribute("aria-valuenow")).isEqualTo("100");
            Number overflow = (Number) js("return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("page wider than the screen").isLessThanOrEqualTo(0);
            assertThat(awaitElement("[data-chart=margin] svg").getSize().getWidth()).isBetween(250, 390);
            screenshot("phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 2000));
        }
    }

    @Test
    void teamsGivenAsProfilesAreSubmittedAsTheyAreWritten() {
        browser.get(base + "/");
        awaitTeamsListed();
        find("input[name=source][value=inline]").click();
        assertThat(find("#profile-a").isDisplayed()).isTrue();
        assertThat(find("#team-a").isDisplayed()).isFalse();
        type("#profile-b", find("#profile-b").getDomProperty("value").replace("Texas Tech", "Red Raiders"));
        new Select(find("#venue")).selectByValue("TEAM_B_HOME");
        type("#simulations", "2000");
        find("#submit").click();

        awaitJobOnShowRendered();
        JsonNode matchup = Http.json(http.get("/api/v1/jobs/" + jobOnShow())).get("matchup");
        assertThat(matchup.get("teamA").get("name").asString()).isEqualTo("Virginia");
        assertThat(matchup.get("teamA").get("season").isNull()).isTrue();
        assertThat(matchup.get("teamB").get("name").asString()).isEqualTo("Red Raiders");
        assertThat(matchup.get("teamB").get("tempo").asDouble()).isEqualTo(67.5);
        assertThat(matchup.get("venue").asString()).isEqualTo("TEAM_B_HOME");
        assertThat(find("#job-summary").getText()).contains("2,000 games").contains("Red Raiders at home");

        type("#profile-a", "{\"name\": \"Virginia\",");
        find("#submit").click();
        await("the form's error \"Team A profile is not valid JSON…\"", () -> find("#form-error").getText().startsWith("Team A profile is not valid JSON"));
        assertThat(find("#profile-a").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void behindAKeyThatReadsNeedTooThePageSendsTheKeyAndFollowsTheJobWithoutItsStream() {
        ConfigurableApplicationContext guarded = Apps.api(services, "tipoff.security.protect-reads=true",
                "tipoff.security.api-keys=dash:dash-key-0123456789abcdef");
        try {
            browser.get("http://localhost:" + Apps.port(guarded) + "/");
            awaitFormError("needs an API key");
            find("#api-key").sendKeys("dash-key-0123456789abcdef", Keys.TAB);
            browser.navigate().refresh();
            awaitTeamsListed();
            assertThat(find("#form-error").getText()).isEmpty();
            assertThat(find("#api-key").getDomProperty("value")).as("kept for the tab").isEqualTo(
                    "dash-key-0123456789abcdef");
            type("#simulations", "400000");
            type("#chunk-size", "20000");
            watchBar();
            find("#submit").click();

            awaitJobOnShowRendered();
            assertThat(barValues()).as("followed while it ran").isSorted().endsWith(100L)
                    .anySatisfy(v -> assertThat(v).isLessThan(100L));
            assertThat(find("#progress-detail").getText()).startsWith("Completed: 400,000 of 400,000 simulated");
            assertThat(find("[data-value=win-a]").getText()).endsWith("%");
        } finally {
            guarded.close();
        }
    }

    @Test
    void mistakesAreShownBesideTheFormAndNothingIsSubmitted() {
        browser.get(base + "/");
        awaitTeamsListed();
        String shownBefore = find("#recent tbody").getText();
        type("#simulations", "0");
        find("#submit").click();
        awaitFormError("Simulations must be a whole number of at least 1");
        assertThat(find("#simulations").getAttribute("aria-invalid")).isEqualTo("true");

        // One the api finds: its problem's detail names the field.
        type("#simulations", "1000");
        type("#chunk-size", "20000000");
        find("#submit").click();
        awaitFormError("chunkSize");
        assertThat(find("#simulations").getAttribute("aria-invalid")).isNull();
        assertThat(browser.getCurrentUrl()).doesNotContain("#job=");
        assertThat(find("#recent tbody").getText()).isEqualTo(shownBefore);
    }

    /** Records every value the page gives the progress bar, as it gives it. */
    private static void watchBar() {
        js("window.seen = []; const bar = document.getElementById('progress');"
                + "new MutationObserver(() => seen.push(Number(bar.getAttribute('aria-valuenow'))))"
                + ".observe(bar, {attributes: true, attributeFilter: ['aria-valuenow']});");
    }

    private static List<Long> barValues() {
        return ((List<?>) js("return window.seen;")).stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static List<String> seeds(List<JsonNode> teams, Comparator<JsonNode> order) {
        return teams.stream().sorted(order).map(t -> t.get("seed").asString()).toList();
    }

    private static List<String> rowSeeds() {
        return findAll("table.rounds tbody tr").stream().map(r -> r.getDomAttribute("data-seed")).toList();
    }

    private static WebElement header(String label) {
        return findAll("table.rounds thead th").stream()
                .filter(th -> th.getText().equals(label)).findFirst().orElseThrow();
    }

    private static String percent(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static double shownPercent(String selector) {
        return Double.parseDouble(find(selector).getText().replace("%", ""));
    }

    private static String jobOnShow() {
        String url = browser.getCurrentUrl();
        return url.contains("#job=") ? url.substring(url.indexOf("#job=") + 5) : "";
    }

    private static void type(String selector, String text) {
        WebElement input = find(selector);
        input.clear();
        input.sendKeys(text);
    }

    private static WebElement find(String selector) {
        return browser.findElement(By.cssSelector(selector));
    }

    private static List<WebElement> findAll(String selector) {
        return browser.findElements(By.cssSelector(selector));
    }

    private static WebElement awaitElement(String selector) {
        await(selector + " on the page", () -> !findAll(selector).isEmpty());
        return find(selector);
    }

    private static void awaitTeamsListed() {
        await("the five imported teams listed", () -> new Select(find("#team-a")).getOptions().size() == 5);
    }

    /** The job the page shows (its id in the address) has its result drawn. */
    private static void awaitJobOnShowRendered() {
        await("the job on show rendered",
                () -> !jobOnShow().isEmpty() && jobOnShow().equals(find("#result").getDomAttribute("data-rendered")));
    }

    /** The form's error includes {@code text}. */
    private static void awaitFormError(String text) {
        await("the form's error \"" + text + "\"", () -> find("#form-error").getText().contains(text));
    }

    /** Polls every 50 ms; an element the page has not drawn yet is not there yet, as a browser's own wait has it. */
    private static void await(String what, BooleanSupplier condition) {
        Waits.until(what, WAIT, Duration.ofMillis(50), () -> {
            try {
                return condition.getAsBoolean();
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
