/**
 * The config's id rules beyond each field: former and retired ids name one thing each and never a
 * current one (else a ledger entry's owner would be ambiguous), and one relay is one panel (else it
 * would have two on-time caps and two busy states).
 */
import type * as z from "zod";

interface Owner {
  id: string;
  formerIds?: readonly string[];
}

interface IdsInput {
  people: readonly Owner[];
  panels: ReadonlyArray<Owner & { driver: { kind: string; url?: string; switchId?: number } }>;
  retired: { people: readonly string[]; panels: readonly string[] };
}

type Ctx = z.core.$RefinementCtx<unknown>;

export function refineIds(cfg: IdsInput, ctx: Ctx): void {
  refineKind(cfg.people, cfg.retired.people, "people", "person", ctx);
  refineKind(cfg.panels, cfg.retired.panels, "panels", "panel", ctx);
  refineRelays(cfg.panels, ctx);
}

function refineKind(owners: readonly Owner[], retired: readonly string[], key: "people" | "panels", noun: string, ctx: Ctx): void {
  const current = new Map(owners.map((o, i) => [o.id, i]));
  /** Each former or retired id → where it was first claimed, in words. */
  const claimed = new Map<string, string>();
  const claim = (id: string, path: PropertyKey[], by: string) => {
    const now = current.get(id);
    if (now !== undefined)
      ctx.addIssue({
        code: "custom",
        path,
        message: `"${id}" is the id of ${key}[${now}] now; a former or retired id must be one no ${noun} has any more`,
      });
    else if (claimed.has(id))
      ctx.addIssue({ code: "custom", path, message: `"${id}" is already ${claimed.get(id)}: an old id can belong to one ${noun} only` });
    else claimed.set(id, by);
  };
  owners.forEach((o, i) => {
    o.formerIds?.forEach((id, j) => {
      claim(id, [key, i, "formerIds", j], `a former id of ${key}[${i}] ("${o.id}")`);
    });
  });
  retired.forEach((id, j) => {
    claim(id, ["retired", key, j], `in retired.${key}`);
  });
}

/** Scheme, host and port as URL normalises them (case, default port), without credentials or a trailing slash. */
export function relayKey(url: string, switchId: number): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")} switch ${switchId}`;
  } catch {
    return `${url} switch ${switchId}`;
  }
}

function refineRelays(panels: IdsInput["panels"], ctx: Ctx): void {
  const relays = new Map<string, string>();
  panels.forEach((p, i) => {
    const { kind, url, switchId = 0 } = p.driver;
    if (kind !== "shelly" || url === undefined) return;
    const key = relayKey(url, switchId);
    const other = relays.get(key);
    if (other !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["panels", i, "driver"],
        message: `panels "${other}" and "${p.id}" both name the relay ${key}: a relay can be one panel only (two would give it two on-time caps and two busy states)`,
      });
    else relays.set(key, p.id);
  });
}
