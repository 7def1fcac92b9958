/** Zod issues in words: one line per problem, naming the field (shared by the config, the API and the skill). */
import type { z } from "zod";

/** "panels[0].driver.url" from a zod issue path. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");

/** One line per problem, each naming the field and what is allowed. */
export function describeIssues(
  error: z.ZodError,
  allowedKeys: (path: readonly PropertyKey[]) => readonly string[] | undefined = () => undefined,
): string[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path) || "(top level)";
    if (issue.code === "unrecognized_keys") {
      const where = fieldPath(issue.path);
      const allowed = allowedKeys(issue.path);
      const hint = allowed ? ` (allowed: ${allowed.join(", ")})` : "";
      return issue.keys.map((k) => `${where ? `${where}.` : ""}${k}: unknown key${hint}`).join("\n");
    }
    return `${field}: ${issue.message}`;
  });
}
