// Run axe-core on local HTML files in Debian's chromium; print one JSON report on stdout.
//
//   node axe.mjs [--screenshots DIR] FILE...
//
// The report maps each file to its violations at each viewport. One browser serves
// every file, so a test session pays for one start. Nothing is downloaded: the
// browser is /usr/bin/chromium (or $CHROMIUM), and the pages are opened from disk.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = require("axe-core").source;

// A phone and a desktop: the page must pass at both sizes.
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 740 },
];
// Root needs --no-sandbox; the rest keep chromium from reaching for a network it
// does not have (each refused connection is slow and noisy). Playwright adds
// --headless itself too; twice does no harm.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function parseArgs(argv) {
  const files = [];
  let screenshots = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--screenshots") {
      screenshots = argv[(i += 1)];
    } else {
      files.push(argv[i]);
    }
  }
  return { files, screenshots };
}

async function main() {
  const { files, screenshots } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    console.error("usage: node axe.mjs [--screenshots DIR] FILE...");
    return 2;
  }
  const profile = mkdtempSync(join(tmpdir(), "axe-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    // The pages forbid every script by CSP; axe is injected past it, nothing else.
    bypassCSP: true,
    offline: true,
  });
  const report = {};
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    for (const file of files) {
      report[file] = {};
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
        await page.addScriptTag({ content: axeSource });
        const results = await page.evaluate(() =>
          // eslint-disable-next-line no-undef
          axe.run(document, { resultTypes: ["violations"] }),
        );
        report[file][viewport.name] = results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.map((node) => ({
            target: node.target,
            summary: node.failureSummary,
          })),
        }));
        if (screenshots) {
          const name = `${basename(file, ".html")}-${viewport.name}.png`;
          await page.screenshot({ path: join(screenshots, name), fullPage: true });
        }
      }
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack ?? String(error));
    process.exit(1);
  },
);
