/** Debian's headless Chromium through playwright-core, for the dashboard tests (.ci/run installs it). */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A browser and a page that may reach only the bridge on loopback (everything must be served by it: no CDN). */
export async function launchPage(): Promise<{ browser: Browser; page: Page }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Headless Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it).`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const page = await browser.newPage();
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  return { browser, page };
}

/** Waits until the text of the element at `selector` is no longer `was` (a countdown that moved). */
export async function textChanged(page: Page, selector: string, was: string | null, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    ([sel, before]) =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector(sel)
        ?.textContent !== before,
    [selector, was] as const,
    { timeout },
  );
}
