/**
 * Every combination of the parts, in order, single-spaced: `phrases(["", "please"], ["start", "begin"], "my {region}")`
 * gives "start my {region}", "begin my {region}", "please start my {region}", "please begin my {region}".
 */
export function phrases(...parts: Array<string | readonly string[]>): string[] {
  let out = [""];
  for (const part of parts) {
    const options = typeof part === "string" ? [part] : part;
    out = out.flatMap((head) => options.map((tail) => `${head} ${tail}`));
  }
  return out.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 0);
}
export const unique = (...lists: Array<readonly string[]>): string[] => [...new Set(lists.flat())];
