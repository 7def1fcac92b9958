/**
 * The front page (README.md) is short and links every page in docs/; every relative link in the docs
 * leads to a file that exists and, with a #fragment, to a heading that exists in it (GitHub's anchors).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "@jest/globals";

const pages = readdirSync("docs")
  .filter((f) => f.endsWith(".md"))
  .map((f) => join("docs", f));
const checked = ["README.md", "ARCHITECTURE.md", "CHANGELOG.md", "examples/README.md", ...pages];
const read = (f: string) => readFileSync(f, "utf8");

/** The page's lines outside fenced code blocks. */
function prose(text: string): string[] {
  let fenced = false;
  return text.split("\n").filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** GitHub's heading anchor: markup dropped, lowercase, punctuation removed, spaces to dashes, repeats numbered. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of prose(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const plain = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").toLowerCase();
    const base = plain.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Relative link targets in a page's prose (inline code and external addresses left out). */
function relativeLinks(text: string): string[] {
  return prose(text)
    .map((line) => line.replace(/`[^`]*`/g, ""))
    .flatMap((line) => [...line.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]))
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** What is wrong with one link from `from`, or undefined when it leads somewhere. */
function brokenLink(from: string, target: string): string | undefined {
  const [path, fragment] = target.split("#", 2);
  const file = path ? normalize(join(dirname(from), decodeURIComponent(path))) : from;
  if (!existsSync(file)) return `${from}: ${target} (no file ${file})`;
  if (fragment === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith(".md")) return `${from}: ${target} (an anchor into ${file}, which is not a page)`;
  if (!anchorsOf(read(file)).has(fragment)) return `${from}: ${target} (no heading #${fragment} in ${file})`;
  return undefined;
}

describe("the front page", () => {
  const readme = read("README.md");
  const linked = new Set(relativeLinks(readme).map((t) => normalize(t.split("#")[0])));

  it("links every page in docs/", () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  });

  it("links the hosted-mode and at-scale pages, which must exist", () => {
    for (const page of ["docs/hosted.md", "docs/at-scale.md"]) {
      expect(linked).toContain(page);
      expect(existsSync(page)).toBe(true);
    }
  });

  it("fits on a screen or two, and has its screenshot, paths, quick start and test command", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(200);
    expect(linked).toContain("docs/images/dashboard.png");
    for (const path of ["choose-your-path", "quick-start", "how-it-works"]) expect(anchorsOf(readme).has(path)).toBe(true);
    expect(readme).toMatch(/```sh\nnpm test\n```/);
    expect(readme).toMatch(/English.*nine locales/s);
  });
});

describe("relative links in the docs", () => {
  it.each(checked)("%s: every relative link leads to a file and heading that exist", (page) => {
    const broken = relativeLinks(read(page))
      .map((target) => brokenLink(page, target))
      .filter(Boolean);
    expect(broken).toEqual([]);
  });

  it("finds links to check, anchors included", () => {
    const all = checked.flatMap((page) => relativeLinks(read(page)));
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((t) => t.includes("#")).length).toBeGreaterThan(10);
  });

  it("reads anchors the way GitHub makes them", () => {
    const anchors = anchorsOf(
      "# The ledger's files\n## Pairing with a home app (Matter)\n## `GET /v1/health` — ok\n## Docker\n## Docker\n```\n# not a heading\n```\n",
    );
    expect([...anchors]).toEqual(["the-ledgers-files", "pairing-with-a-home-app-matter", "get-v1health--ok", "docker", "docker-1"]);
  });
});
