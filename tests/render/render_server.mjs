// A long-lived renderer for the Gantt tests: one headless Chromium, many requests.
//
// Usage: node render_server.mjs NODE_DIR
//   NODE_DIR holds node_modules/ with mermaid and playwright-core (.ci/setup-renderers.sh
//   installs them into .cache/gantt-renderers). Chromium is /usr/bin/chromium, or
//   $CHROMIUM when set.
//
// Protocol: one JSON request per line on stdin, one JSON reply per line on stdout.
//   {"op": "mermaid", "code": "...", "png": "/path.png" | null}
//     -> {"svg": "...", "texts": [...], "tasks": [{"id", "cls", "fill", "opacity"}]}
//        or {"error": "..."} when Mermaid rejects the diagram.
//     texts are the textContent of every <text> element of the rendered diagram; tasks the
//     computed fill and fill-opacity of every task bar and milestone.
//   {"op": "screenshot", "file": "/path.svg|.html", "png": "/path.png", "width": 1000}
//     -> {"width": w, "height": h, "errors": [...]} (page errors, console errors, dialogs);
//     the whole document is captured: an SVG at its own size, an HTML page at its scroll size.
// The process exits when stdin closes.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';

const nodeDir = process.argv[2];
if (!nodeDir) {
  console.error('usage: node render_server.mjs NODE_DIR');
  process.exit(2);
}
const require = createRequire(join(nodeDir, 'package.json'));
const { chromium } = require('playwright-core');
const mermaidSource = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
const context = await browser.newContext({ deviceScaleFactor: 1 });

const mermaidPage = await context.newPage();
await mermaidPage.setContent('<!doctype html><html><body><div id="c"></div></body></html>');
await mermaidPage.addScriptTag({ content: mermaidSource });
await mermaidPage.evaluate(() => {
  // The defaults GitHub and the Mermaid CLI use; nothing that would hide an error.
  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

let counter = 0;

async function renderMermaid(request) {
  counter += 1;
  const result = await mermaidPage.evaluate(async ([code, id]) => {
    const container = document.getElementById('c');
    container.innerHTML = '';
    try {
      await window.mermaid.parse(code);
      const { svg } = await window.mermaid.render(id, code);
      container.innerHTML = svg;
      const root = container.querySelector('svg');
      const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
      const tasks = [...root.querySelectorAll('rect.task')].map((r) => {
        const style = getComputedStyle(r);
        return { id: r.id, cls: r.getAttribute('class'), fill: style.fill,
                 opacity: style.fillOpacity };
      });
      return { svg, texts, tasks };
    } catch (e) {
      return { error: String((e && e.message) || e) };
    }
  }, [request.code, `g${counter}`]);
  if (!result.error && request.png) {
    await mermaidPage.locator('#c svg').screenshot({ path: request.png });
  }
  return result;
}

async function screenshot(request) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  try {
    await page.setViewportSize({ width: request.width || 1000, height: 600 });
    await page.goto(pathToFileURL(request.file).href);
    // fullPage screenshots hang on a bare SVG document, so size the viewport to the
    // content (the SVG's own width and height, or the HTML page's scroll size) instead.
    const size = await page.evaluate(() => {
      const root = document.documentElement;
      if (root.namespaceURI === 'http://www.w3.org/2000/svg') {
        return { width: Math.ceil(root.width.baseVal.value),
                 height: Math.ceil(root.height.baseVal.value) };
      }
      return { width: root.scrollWidth, height: root.scrollHeight };
    });
    await page.setViewportSize({ width: Math.max(size.width, 1), height: Math.max(size.height, 1) });
    await page.screenshot({ path: request.png });
    return { ...size, errors };
  } finally {
    await page.close();
  }
}

const handlers = { mermaid: renderMermaid, screenshot };

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  let reply;
  try {
    const request = JSON.parse(line);
    const handler = handlers[request.op];
    reply = handler ? await handler(request) : { error: `unknown op ${request.op}` };
  } catch (e) {
    reply = { error: `renderer failure: ${String((e && e.stack) || e)}` };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
}
await browser.close();
