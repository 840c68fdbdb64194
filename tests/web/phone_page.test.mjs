// End-to-end test of the visitor's phone page in Debian's headless Chromium. A real
// antrean-server runs on loopback, a visitor checks in over HTTP, and the page opens from
// the ticket's QR address at phone size. An officer then calls and serves the ticket through
// the API while the page follows live, and the visitor fills in the survey. The test also
// covers the English switch and a wrong token, and searches everything the page received
// for the visitor's personal data.
//
// Environment: ANTREAN_SERVER_BINARY (the server to start), ANTREAN_WEB_SCREENSHOTS (where the
// screenshots go, default build/web-screenshots), CHROMIUM (default /usr/bin/chromium).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync }
  from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

import { ServerProcess, findServerBinary, repoRoot } from "./server.mjs";

const kChromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const kScreenshotDir = process.env.ANTREAN_WEB_SCREENSHOTS || path.join(repoRoot, "build", "web-screenshots");
const kLiveUpdateLimitMs = 1000;
const kStepTimeoutMs = 30000;
const kOfficerPassword = "uji-halaman-ponsel-2026";

// The visitor the test follows, with values distinctive enough that finding any of them in
// a response can only mean a leak. The NIK is valid: Jakarta Pusat (3171 01), born 15-03-1985.
const kVisitor = {
  name: "Wulandari Kusumaningtyas",
  phone: "0813 5792 4680",
  nik: "3171011503850042",
  email: "wulan.kusumaningtyas7391@example.org",
};
// A visitor checked in first, so that the followed visitor starts second in line.
const kVisitorAhead = {
  name: "Bonaventura Simanjuntak",
  phone: "0857-1122-9384",
  nik: "3273022907790013",
  email: "bona.simanjuntak5520@example.net",
};

// Every form in which a visitor's data could leak: as typed, digits only, E.164 and the
// name's longer words on their own.
function personalDataNeedles(visitor) {
  const digits = visitor.phone.replace(/\D/g, "");
  const international = "62" + digits.slice(1);
  const nameWords = visitor.name.split(" ").filter((word) => word.length >= 5);
  return [visitor.name, ...nameWords, visitor.nik, visitor.phone, digits, "+" + international, international,
    visitor.email, visitor.email.split("@")[0]];
}

// Page variants. "page-zoom-200" is the browser zoom at 200 % on a 360 px phone: a layout
// viewport of 180 CSS px drawn at 2 device pixels each. "text-200" is the browser's text
// size setting at 200 %: Chromium's default font size preference at 32 px instead of 16 px,
// in its own browser profile.
const kVariants = [
  { name: "phone", viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 },
  { name: "page-zoom-200", viewport: { width: 180, height: 370 }, deviceScaleFactor: 2 },
  { name: "text-200", viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, defaultFontSize: 32 },
];
const kTextSizeRootPx = "36px"; // visitor.css sets the root to 112.5 % of the default size

// Launch flags for Chromium on this machine. Playwright adds --headless and a new empty
// profile folder itself. The network is closed, so Chromium must not try to reach its own
// services.
const kChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// Reads the msgid/msgstr pairs of one .po file, because the page's texts come from there.
function readPoFile(language) {
  const text = readFileSync(path.join(repoRoot, "assets", "i18n", language, "web.po"), "utf8");
  const entries = {};
  for (const match of text.matchAll(/^msgid "(.+)"\nmsgstr "(.*)"$/gm)) entries[match[1]] = match[2];
  return entries;
}

const kTexts = { id: readPoFile("id"), en: readPoFile("en") };

// The page joins words with no-break spaces and word joiners where a line must not break,
// and a reader sees ordinary spaces there.
function visibleText(value) {
  return value.replace(/\u00a0/g, " ").replace(/\u2060/g, "");
}

function expectedText(language, key, params = {}) {
  let value = kTexts[language][key];
  assert.ok(value !== undefined, `assets/i18n/${language}/web.po has no msgid "${key}"`);
  for (const [name, replacement] of Object.entries(params)) value = value.split(`{${name}}`).join(String(replacement));
  return value;
}

// A recording of everything the browser received: response bodies (page.on('response')),
// every message of the ticket's event feed as the page saw it (the CDP event
// Network.eventSourceMessageReceived) and request addresses. It also collects the page's
// script errors and Content-Security-Policy violations.
class TrafficRecorder {
  constructor() {
    this.bodies = [];
    this.eventMessages = [];
    this.urls = [];
    this.pending = [];
    this.pageErrors = [];
  }

  watch(page, cdp) {
    page.on("pageerror", (error) => this.pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) this.pageErrors.push(message.text());
    });
    page.on("request", (request) => this.urls.push(request.url()));
    page.on("response", (response) => {
      const headers = response.headers();
      this.bodies.push({ url: response.url(), text: JSON.stringify(headers) });
      // A stream's body never ends, so its messages come from the CDP event below.
      if ((headers["content-type"] || "").includes("text/event-stream")) return;
      if (response.status() >= 300 && response.status() < 400) return;
      this.pending.push(response.body()
        .then((body) => this.bodies.push({ url: response.url(), text: body.toString("utf8") }))
        .catch((error) => this.bodies.push({ url: response.url(), text: "", error: String(error) })));
    });
    cdp.on("Network.eventSourceMessageReceived", (message) => {
      this.eventMessages.push({ event: message.eventName, data: message.data });
    });
  }

  async settle() {
    await Promise.all(this.pending);
  }
}

// Reads the ticket's event feed from Node, byte for byte, until stop() is called.
class EventFeedReader {
  constructor(url) {
    this.text = "";
    this.controller = new AbortController();
    this.done = this.read(url);
  }

  async read(url) {
    try {
      const response = await fetch(url, { signal: this.controller.signal });
      assert.equal(response.status, 200, `the event feed ${url} returned ${response.status}`);
      const decoder = new TextDecoder();
      for await (const chunk of response.body) this.text += decoder.decode(chunk, { stream: true });
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }

  async stop() {
    this.controller.abort();
    await this.done;
  }
}

function clearScreenshots() {
  mkdirSync(kScreenshotDir, { recursive: true });
  for (const file of readdirSync(kScreenshotDir)) {
    if (file.endsWith(".png")) unlinkSync(path.join(kScreenshotDir, file));
  }
}

describe("phone page in headless Chromium", { timeout: 110000 }, () => {
  const server = new ServerProcess(findServerBinary());
  const recorder = new TrafficRecorder();
  const pages = [];
  let browser = null;
  let textSizeContext = null;
  let textSizeProfile = null;
  let officerToken = null;
  let visitorTicket = null;
  let aheadTicket = null;
  let feed = null;
  let screenshotCount = 0;

  const mainPage = () => pages[0].page;
  const text = async (page, selector) => visibleText(await page.locator(selector).innerText());

  // Waits until the element's visible text is exactly `expected` on every open ticket page.
  async function waitForTextEverywhere(selector, expected, timeout = 5000) {
    await Promise.all(pages.map(({ page }) => page.waitForFunction(
      ([target, value]) => {
        const element = document.querySelector(target);
        return element && element.textContent.replace(/\u00a0/g, " ").replace(/\u2060/g, "") === value;
      },
      [selector, expected], { timeout },
    )));
  }

  // A mobile browser widens its viewport to the content, so the page's width is also
  // compared with the width the phone gives it.
  async function assertNoHorizontalOverflow(entry, label) {
    const sizes = await entry.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
    }));
    const phoneWidth = entry.variant.viewport.width;
    assert.ok(sizes.scrollWidth <= sizes.innerWidth,
      `${label}: the page is ${sizes.scrollWidth} px wide in a ${sizes.innerWidth} px viewport`);
    assert.ok(sizes.scrollWidth <= phoneWidth,
      `${label}: the page is ${sizes.scrollWidth} px wide on a ${phoneWidth} px screen`);
    if (entry.variant.defaultFontSize) {
      assert.equal(sizes.rootFontSize, kTextSizeRootPx, `${label}: the larger text size is not in effect`);
    }
  }

  async function switchLanguage(page, language) {
    await page.locator("#language").click();
    await page.waitForFunction((value) => document.documentElement.lang === value, language, { timeout: 2000 });
  }

  // Saves a full-page screenshot of every open page in Indonesian and in English, and checks
  // that neither overflows sideways. The page is left in Indonesian.
  async function captureState(state, targets = pages) {
    screenshotCount += 1;
    const prefix = String(screenshotCount).padStart(2, "0");
    for (const entry of targets) {
      const { page, variant } = entry;
      for (const language of ["id", "en"]) {
        if (language === "en") await switchLanguage(page, "en");
        const label = `${prefix}-${state}-${language}-${variant.name}`;
        await assertNoHorizontalOverflow(entry, label);
        await page.screenshot({ path: path.join(kScreenshotDir, `${label}.png`), fullPage: true });
      }
      await switchLanguage(page, "id");
    }
  }

  function contextOptions(variant) {
    return {
      viewport: variant.viewport,
      deviceScaleFactor: variant.deviceScaleFactor,
      isMobile: true,
      hasTouch: true,
      locale: "id-ID",
    };
  }

  // Starts a second Chromium whose profile has the larger default font size, as a visitor
  // sets it in the browser's settings.
  async function launchTextSizeContext(variant) {
    textSizeProfile = mkdtempSync(path.join(tmpdir(), "antrean-chromium-text-"));
    mkdirSync(path.join(textSizeProfile, "Default"));
    const preferences = { webkit: { webprefs: { default_font_size: variant.defaultFontSize } } };
    writeFileSync(path.join(textSizeProfile, "Default", "Preferences"), JSON.stringify(preferences));
    return chromium.launchPersistentContext(textSizeProfile, {
      executablePath: kChromiumPath,
      headless: true,
      args: kChromiumArgs,
      ...contextOptions(variant),
    });
  }

  async function openTicketPage(variant, url) {
    let context;
    if (variant.defaultFontSize) {
      textSizeContext ??= await launchTextSizeContext(variant);
      context = textSizeContext;
    } else {
      context = await browser.newContext(contextOptions(variant));
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    recorder.watch(page, cdp);
    const entry = { page, variant, context, navigations: 0 };
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) entry.navigations += 1;
    });
    await page.goto(url);
    return entry;
  }

  before(async () => {
    if (!existsSync(kChromiumPath)) {
      throw new Error(`${kChromiumPath} is missing: install the Debian package chromium (scripts/install-deps does)`);
    }
    clearScreenshots();
    server.addUser({ username: "petugas1", role: "officer", areas: "pbk", password: kOfficerPassword,
      name: "Petugas Satu" });
    await server.start();
    browser = await chromium.launch({
      executablePath: kChromiumPath,
      headless: true,
      args: kChromiumArgs,
    });
  });

  after(async () => {
    if (feed) await feed.stop();
    if (textSizeContext) await textSizeContext.close();
    if (browser) await browser.close();
    await server.stop();
    if (textSizeProfile) rmSync(textSizeProfile, { recursive: true, force: true });
  });

  it("checks in two visitors over HTTP", { timeout: kStepTimeoutMs }, async () => {
    const checkIn = (visitor) => server.call("POST", "/api/v1/tickets", {
      body: { visitor, area: "pbk", purpose: "complaint", consent: true },
    }, 201);
    aheadTicket = (await checkIn(kVisitorAhead)).ticket;
    visitorTicket = (await checkIn(kVisitor)).ticket;

    assert.equal(visitorTicket.position, 2);
    assert.equal(visitorTicket.status_url,
      `${server.baseUrl}/q/${visitorTicket.id}?token=${visitorTicket.status_token}`);
    assert.match(visitorTicket.status_token, /^[0-9a-f]{32}$/);

    officerToken = (await server.call("POST", "/api/v1/auth/login", {
      body: { username: "petugas1", password: kOfficerPassword, desk: "1" },
    })).token;
    assert.ok(officerToken, "the login answer has no token");

    feed = new EventFeedReader(
      `${server.baseUrl}/api/v1/tickets/${visitorTicket.id}/events?token=${visitorTicket.status_token}`);
  });

  it("shows code, area and position", { timeout: kStepTimeoutMs }, async () => {
    for (const variant of kVariants) pages.push(await openTicketPage(variant, visitorTicket.status_url));

    await waitForTextEverywhere("#code", visitorTicket.code);
    await waitForTextEverywhere("#ahead", expectedText("id", "web.ahead_one"));
    const page = mainPage();
    assert.equal(await text(page, "#ticket-label"), expectedText("id", "web.ticket_label"));
    assert.equal(await text(page, "#state"), expectedText("id", "web.state.waiting"));
    assert.equal(await text(page, "#area"), "Perdagangan Berjangka Komoditi (PBK)");
    assert.match(await text(page, "#wait"), /\d+–\d+ menit/);
    assert.equal(await page.locator("#call").isVisible(), false);

    const textSized = pages.find(({ variant }) => variant.defaultFontSize).page;
    const rootSize = await textSized.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(rootSize, kTextSizeRootPx, "the 200 % text size preference did not reach the page");

    await captureState("waiting");
  });

  it("moves up live to next in line", { timeout: kStepTimeoutMs }, async () => {
    const called = await server.call("POST", "/api/v1/desks/1/call-next", { body: {}, token: officerToken });
    assert.equal(called.ticket.id, aheadTicket.id);
    await waitForTextEverywhere("#ahead", expectedText("id", "web.next"), 2000);
    await captureState("next");

    await server.call("POST", `/api/v1/tickets/${aheadTicket.id}/start`, { body: {}, token: officerToken });
    await server.call("POST", `/api/v1/tickets/${aheadTicket.id}/complete`, {
      body: { outcome: "answered" }, token: officerToken,
    });
  });

  it("shows the desk within one second", { timeout: kStepTimeoutMs }, async (t) => {
    await Promise.all(pages.map(({ page }) => page.evaluate(() => { window.antreanTestMarker = "not reloaded"; })));
    const goToDesk = expectedText("id", "web.go_to_desk", { desk: "Meja 1" });
    assert.equal(goToDesk, "Silakan menuju Meja 1");

    const calledAt = performance.now();
    const called = await server.call("POST", "/api/v1/desks/1/call-next", { body: {}, token: officerToken });
    assert.equal(called.ticket.id, visitorTicket.id);
    await waitForTextEverywhere("#call-text", goToDesk, kLiveUpdateLimitMs);
    const elapsedMs = performance.now() - calledAt;
    assert.ok(elapsedMs <= kLiveUpdateLimitMs, `the call appeared after ${Math.round(elapsedMs)} ms`);
    t.diagnostic(`the call appeared on all ${pages.length} pages ${Math.round(elapsedMs)} ms after call-next was sent`);

    for (const entry of pages) {
      assert.equal(entry.navigations, 1, `${entry.variant.name}: the page navigated again`);
      assert.equal(await entry.page.evaluate(() => window.antreanTestMarker), "not reloaded");
    }
    const page = mainPage();
    assert.equal(await page.locator("#call").isVisible(), true);
    assert.equal(await text(page, "#call-location"), "Lantai 2");
    assert.equal(await text(page, "#state"), expectedText("id", "web.state.called"));
    assert.equal(await text(page, "#ahead"), "");
    assert.ok(recorder.eventMessages.some((message) => message.event === "status" && message.data.includes('"called"')),
      "the page did not receive the call through its event feed");
    await captureState("called");
  });

  it("shows the desk while serving", { timeout: kStepTimeoutMs }, async () => {
    await server.call("POST", `/api/v1/tickets/${visitorTicket.id}/start`, { body: {}, token: officerToken });
    await waitForTextEverywhere("#call-text", expectedText("id", "web.served_at_desk", { desk: "Meja 1" }));
    assert.equal(await text(mainPage(), "#state"), expectedText("id", "web.state.serving"));
    await captureState("serving");
  });

  it("offers the survey when done", { timeout: kStepTimeoutMs }, async () => {
    await server.call("POST", `/api/v1/tickets/${visitorTicket.id}/complete`, {
      body: { outcome: "answered" }, token: officerToken,
    });
    await waitForTextEverywhere("#state", expectedText("id", "web.state.done"));
    await Promise.all(pages.map(({ page }) => page.locator("#survey-form fieldset").nth(8).waitFor()));
    const page = mainPage();
    assert.equal(await page.locator("#survey-form fieldset").count(), 9);
    assert.equal(await page.locator("#survey-form input[type=radio]").count(), 36);
    assert.equal(await text(page, "#survey-title"), expectedText("id", "web.survey.title"));
    assert.equal(await page.locator("#call").isVisible(), false);
    await captureState("survey");
  });

  it("marks unanswered survey questions", { timeout: kStepTimeoutMs }, async () => {
    const page = mainPage();
    await page.locator("#survey-form .submit").click();
    await page.locator("#survey-message", { hasText: expectedText("id", "web.survey.incomplete") }).waitFor();
    assert.equal(await page.locator("#survey-form fieldset.missing").count(), 9);
    await captureState("survey-incomplete", [pages[0]]);
    assert.equal(await page.locator("#survey-form fieldset.missing").count(), 9,
      "the marks of unanswered questions did not survive the language switch");
  });

  it("sends the survey and thanks", { timeout: kStepTimeoutMs }, async () => {
    const page = mainPage();
    const fieldsets = page.locator("#survey-form fieldset");
    for (let index = 0; index < 9; index += 1) {
      // Chooses scores 4, 3, 4, 3, ... so the stored scores are not all the same.
      await fieldsets.nth(index).locator("input[type=radio]").nth(index % 2 === 0 ? 3 : 2).check();
    }
    await page.locator("#survey-form textarea").fill("Petugas ramah dan penjelasannya jelas.");
    assert.equal(await page.locator("#survey-form fieldset.missing").count(), 0);
    assert.equal(await text(page, "#survey-message"), "", "the request to answer every question is still shown");
    await captureState("survey-filled", [pages[0]]);

    // The language switch rebuilds the form, and the chosen scores and comment must survive it.
    assert.equal(await page.locator("#survey-form input[type=radio]:checked").count(), 9);
    assert.equal(await page.locator("#survey-form textarea").inputValue(), "Petugas ramah dan penjelasannya jelas.");

    const answered = page.waitForResponse((response) => response.url().includes("/survey") &&
      response.request().method() === "POST");
    await page.locator("#survey-form .submit").click();
    assert.equal((await answered).status(), 201);
    await page.locator("#survey-message", { hasText: expectedText("id", "web.survey.thanks") }).waitFor();
    assert.equal(await page.locator("#survey-form").isVisible(), false);
    await captureState("survey-thanks", [pages[0]]);
  });

  it("other pages report survey answered", { timeout: kStepTimeoutMs }, async () => {
    // Storing an answer sends an event on the ticket's feed, so the other open pages hide
    // their form by themselves, without a reload and without a second POST.
    const others = pages.slice(1);
    for (const { page } of others) {
      await page.locator("#survey-message", { hasText: expectedText("id", "web.survey.already_answered") }).waitFor();
      assert.equal(await page.locator("#survey-form").isVisible(), false);
    }
    await captureState("survey-already-answered", others);
  });

  it("rejects a second survey with 409", { timeout: kStepTimeoutMs }, async () => {
    const surveyRoute = `/api/v1/tickets/${visitorTicket.id}/survey?token=${visitorTicket.status_token}`;
    const before = await server.call("GET", surveyRoute);
    assert.equal(before.state, "answered", "the page's survey was not stored, so there is nothing to repeat");
    const second = await server.request("POST", surveyRoute, {
      body: { scores: [1, 1, 1, 1, 1, 1, 1, 1, 1], comment: "" },
    });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, "conflict");
  });

  it("switches to English texts", { timeout: kStepTimeoutMs }, async () => {
    const page = mainPage();
    await switchLanguage(page, "en");
    assert.equal(await text(page, "#ticket-label"), expectedText("en", "web.ticket_label"));
    assert.equal(await text(page, "#language"), expectedText("en", "web.switch_language"));
    assert.equal(await text(page, "#state"), expectedText("en", "web.state.done"));
    assert.equal(await text(page, "#free"), expectedText("en", "web.free_of_charge"));
    assert.equal(await text(page, "#survey-title"), expectedText("en", "web.survey.title"));
    assert.equal(await text(page, "#survey-message"), expectedText("en", "web.survey.thanks"));
    assert.equal(await text(page, "#connection"), expectedText("en", "web.live"));
    assert.equal(await text(page, "#area"), "Commodity Futures Trading (PBK)");
    await switchLanguage(page, "id");
    assert.equal(await text(page, "#ticket-label"), expectedText("id", "web.ticket_label"));
  });

  it("shows not-found for a wrong token", { timeout: kStepTimeoutMs }, async () => {
    const wrongUrl = `${server.baseUrl}/q/${visitorTicket.id}?token=${"0".repeat(32)}`;
    const entry = await openTicketPage(kVariants[0], wrongUrl);
    const page = entry.page;
    await page.locator("#state", { hasText: expectedText("id", "web.not_found") }).waitFor();
    assert.notEqual(await text(page, "#code"), visitorTicket.code);
    await captureState("not-found", [entry]);
    assert.equal(await text(page, "#state"), expectedText("id", "web.not_found"));

    // A page without a valid ticket must not keep sending the wrong token.
    const feedRequests = recorder.urls.filter((url) => url.includes(`/tickets/${visitorTicket.id}/events?token=000`));
    assert.equal(feedRequests.length, 0, "the not-found page opened the event feed");
    await recorder.settle();
    await entry.context.close();
  });

  it("never sends personal data", { timeout: kStepTimeoutMs }, async () => {
    await recorder.settle();
    await feed.stop();
    const feedText = feed.text;
    feed = null;

    // The recordings must hold the ticket, or an empty search would pass for nothing.
    const bodies = recorder.bodies.map((body) => `${body.url}\n${body.text}`).join("\n");
    const events = recorder.eventMessages.map((message) => message.data).join("\n");
    assert.ok(bodies.includes(visitorTicket.code), "no recorded response body contains the ticket code");
    assert.ok(bodies.includes("new EventSource("), "visitor.js is missing from the recording");
    assert.ok(bodies.includes("Silakan menuju"), "strings.json is missing from the recording");
    const unread = recorder.bodies.filter((body) => body.error).map((body) => `${body.url}: ${body.error}`);
    assert.deepEqual(unread, [], "some response bodies could not be read, so they were not searched");
    assert.ok(events.includes('"serving"'), "the page's event feed has no serving status");
    assert.ok(events.includes('"done"'), "the page's event feed has no done status");
    assert.ok(feedText.includes("event: status"), "the Node feed reader received no status event");
    assert.ok(feedText.includes('"done"'), "the Node feed reader received no done status");

    const haystacks = [
      ["response bodies and headers", bodies],
      ["event feed seen by the page", events],
      ["event feed read from Node", feedText],
      ["request addresses", recorder.urls.join("\n")],
    ];
    for (const visitor of [kVisitor, kVisitorAhead]) {
      for (const needle of personalDataNeedles(visitor)) {
        for (const [where, haystack] of haystacks) {
          assert.ok(!haystack.toLowerCase().includes(needle.toLowerCase()), `${where} contain "${needle}"`);
        }
      }
    }
  });

  it("runs without errors or cookies", { timeout: kStepTimeoutMs }, async () => {
    assert.deepEqual(recorder.pageErrors, []);
    for (const { context, variant } of pages) {
      assert.deepEqual(await context.cookies(), [], `${variant.name}: the page set cookies`);
    }
  });
});
