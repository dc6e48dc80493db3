// Load TimelineJS pages in headless Chromium and report what each one rendered.
//
//   node render.mjs NODE_DIR TIMEOUT_MS PAGE.html [PAGE.html ...]
//
// NODE_DIR holds node_modules/ with playwright-core (.ci/setup-timelinejs.sh installs it
// into .cache/timelinejs). Chromium is /usr/bin/chromium, or $CHROMIUM when set. Each page
// sets window.__tl = {loaded, errors} from TimelineJS's `loaded` event (timelinejs_browser.py).
// Every request that is not file:// is aborted and reported, so a page that needs the
// network fails. Prints one JSON array on stdout, one object per page:
//   {page, loaded, errors, requests, markers, slides, dates, texts, links, groups, eras,
//    title, message}: the text content of those parts of the rendered timeline.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [, , nodeDir, timeoutText, ...pages] = process.argv;
const require = createRequire(join(nodeDir, "package.json"));
const { chromium } = require("playwright-core");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const results = [];
try {
  for (const page of pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const result = { page, loaded: false, errors: [], requests: [] };
    tab.on("pageerror", (error) => result.errors.push(String(error.message || error)));
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      result.requests.push(url);
      return route.abort();
    });
    await tab.goto(pathToFileURL(page).href);
    try {
      await tab.waitForFunction(() => window.__tl && window.__tl.loaded, null, {
        timeout: Number(timeoutText),
      });
      result.loaded = true;
    } catch (error) {
      result.errors.push(`no 'loaded' event within ${timeoutText} ms`);
    }
    Object.assign(
      result,
      await tab.evaluate(() => {
        const get = (selector) =>
          Array.from(document.querySelectorAll(selector), (element) => element.textContent);
        return {
          pageErrors: (window.__tl && window.__tl.errors) || [],
          markers: get(".tl-timemarker .tl-headline"),
          slides: get(".tl-slide:not(.tl-slide-titleslide) .tl-text .tl-headline"),
          dates: get(".tl-slide:not(.tl-slide-titleslide) .tl-headline-date"),
          texts: get(".tl-slide:not(.tl-slide-titleslide) .tl-text-content"),
          links: Array.from(
            document.querySelectorAll(".tl-slide .tl-text-content a"),
            (a) => a.getAttribute("href"),
          ),
          groups: get(".tl-timegroup-message"),
          eras: get(".tl-timeera .tl-headline"),
          title: get(".tl-slide-titleslide .tl-headline"),
          message: get(".tl-message-content"),
        };
      }),
    );
    result.errors.push(...result.pageErrors);
    delete result.pageErrors;
    results.push(result);
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
