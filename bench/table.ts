/** The side-by-side table `npm run bench` prints: the project, its anchor, the ratio and the target. */
import { round } from "./stats.js";

export interface Row {
  measure: string;
  project: number;
  anchor?: number;
  /**
   * "ratio": project/anchor must not exceed `limit`; "absolute": project must not exceed `limit`;
   * "delta": project − anchor must not exceed `limit`. None: shown for reading only.
   */
  target?: { kind: "ratio" | "absolute" | "delta"; limit: number; unit?: string };
}

export function printComparison(title: string, rows: Row[]): void {
  const lines = rows.map((r) => {
    const ratio = r.anchor ? r.project / r.anchor : undefined;
    const t = r.target;
    const value = t?.kind === "ratio" ? ratio : t?.kind === "delta" && r.anchor !== undefined ? r.project - r.anchor : r.project;
    const met = t !== undefined && value !== undefined && value <= t.limit;
    const target = !t
      ? ""
      : t.kind === "ratio"
        ? `≤ ${t.limit.toFixed(t.limit % 1 ? 2 : 1)}×`
        : `≤ ${t.kind === "delta" ? "+" : ""}${t.limit} ${t.unit ?? ""}`.trim();
    return [
      r.measure,
      fmt(r.project),
      r.anchor === undefined ? "" : fmt(r.anchor),
      ratio === undefined ? "" : `${ratio.toFixed(2)}×`,
      target,
      !t ? "" : met ? "met" : "NOT MET",
    ];
  });
  const head = ["measure", "biolight", "anchor", "ratio", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  console.log(`\n## ${title}\n`);
  console.log(row(head));
  console.log(`|${widths.map((w, i) => `${i ? "" : ":"}${"-".repeat(w + 1)}${i ? ":" : ""}`).join("|")}|`);
  for (const l of lines) console.log(row(l));
}

const fmt = (x: number) => String(round(x, x >= 100 ? 0 : 1));
