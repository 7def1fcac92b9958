/**
 * The caution records a change puts in: the household record (the gate), each person's own answer,
 * and the red flags (invariant 7 in ARCHITECTURE.md). Pure: each answers the patch for one change.
 */
import type { LedgerPatch } from "../journal.js";
import type { CautionRecord, LedgerFile, PersonCaution, RedFlag } from "../ledger-schema.js";

/**
 * An acknowledgement: opens the household gate; with `person` (known also by `formerIds`), their own
 * answer is kept too, and every open red flag that holds them lets them go.
 */
export function acknowledgementPatch(
  data: LedgerFile,
  record: CautionRecord & { acknowledgedAt: number },
  person?: { id: string; formerIds: readonly string[] },
): LedgerPatch {
  const cleared = clearRedFlags(data.redFlags ?? [], person ? [person.id, ...person.formerIds] : [], record.acknowledgedAt);
  const people = data.people;
  return {
    caution: record,
    ...(person
      ? { people: { [person.id]: { ...(people && Object.hasOwn(people, person.id) ? people[person.id] : {}), caution: { ...record } } } }
      : {}),
    ...(cleared.length ? { redFlags: cleared } : {}),
  };
}

/**
 * A red flag: closes the household gate and withdraws the own answer of each it holds. One already
 * recorded (by its id) changes nothing.
 */
export function redFlagPatch(data: LedgerFile, flag: RedFlag, currentVersion: number): LedgerPatch {
  if (data.redFlags?.some((f) => f.id === flag.id)) return {};
  const withdrawal = withdrawalBy(flag);
  return {
    caution: data.caution
      ? { ...withoutWithdrawal(data.caution), ...withdrawal }
      : { version: currentVersion, source: flag.source, ...withdrawal },
    ...(data.people || flag.holds.length
      ? { people: withdrawPeople(data.people ?? {}, { withdrawnAt: flag.at, version: currentVersion, source: flag.source }, flag.holds) }
      : {}),
    redFlags: [flag],
  };
}

/** What a red flag writes into the household record. */
export const withdrawalBy = (flag: RedFlag): Pick<CautionRecord, "withdrawnAt" | "withdrawnSource" | "withdrawnReason"> => ({
  withdrawnAt: flag.at,
  withdrawnSource: flag.source,
  ...(flag.reason !== undefined ? { withdrawnReason: flag.reason } : {}),
});

export function withoutWithdrawal(c: CautionRecord): CautionRecord {
  const { withdrawnAt: _at, withdrawnReason: _reason, withdrawnSource: _source, ...rest } = c;
  return rest;
}

/** The newest of the answers kept under `ids` (a person's id and former ids): a rename loses neither. */
export function newestAnswer(people: LedgerFile["people"], ids: readonly string[]): PersonCaution | undefined {
  if (!people) return undefined;
  let newest: PersonCaution | undefined;
  for (const id of ids) {
    const c = Object.hasOwn(people, id) ? people[id].caution : undefined;
    if (c && (!newest || newer(c, newest))) newest = c;
  }
  return newest;
}

/**
 * A ledger from before red flags were recorded (format 1 or 2) still says who a red flag holds (the
 * household record and each person's): read as red flags, written as such at the next change.
 */
export function legacyRedFlags(data: LedgerFile): RedFlag[] {
  const withdrawn = Object.entries(data.people ?? {}).flatMap(([id, p]) =>
    p.caution?.withdrawnAt !== undefined ? [{ id, at: p.caution.withdrawnAt, source: p.caution.source }] : [],
  );
  const c = data.caution;
  if (c?.withdrawnAt !== undefined)
    return [
      {
        id: `legacy-${c.withdrawnAt}`,
        at: c.withdrawnAt,
        source: c.withdrawnSource ?? c.source,
        ...(c.withdrawnReason !== undefined ? { reason: c.withdrawnReason } : {}),
        holds: withdrawn.map((p) => p.id),
      },
    ];
  return withdrawn.map((p) => ({ id: `legacy-${p.id}-${p.at}`, at: p.at, source: p.source, person: p.id, holds: [p.id] }));
}

/**
 * A red flag withdraws the own answer of each of `whom`: each is asked again before their next
 * session. Someone who never answered gets a record of the red flag alone, so another person's
 * acknowledgement cannot clear it for them.
 */
function withdrawPeople(
  people: NonNullable<LedgerFile["people"]>,
  flag: { withdrawnAt: number; version: number; source: string },
  whom: readonly string[],
): NonNullable<LedgerFile["people"]> {
  const out = { ...people };
  for (const id of whom) {
    const record = Object.hasOwn(out, id) ? out[id] : {};
    if (record.caution?.withdrawnAt !== undefined) continue;
    out[id] = {
      ...record,
      caution: record.caution
        ? { ...record.caution, withdrawnAt: flag.withdrawnAt }
        : { version: flag.version, source: flag.source, withdrawnAt: flag.withdrawnAt },
    };
  }
  return out;
}

/** Whether answer `a` was given (or withdrawn) after `b`; at the same moment a withdrawn one wins. */
function newer(a: PersonCaution, b: PersonCaution): boolean {
  const at = (c: PersonCaution) => Math.max(c.acknowledgedAt ?? Number.NEGATIVE_INFINITY, c.withdrawnAt ?? Number.NEGATIVE_INFINITY);
  return at(a) > at(b) || (at(a) === at(b) && a.withdrawnAt !== undefined && b.withdrawnAt === undefined);
}

/**
 * The red flags an acknowledgement changes: each open one that holds the person (by any of `ids`:
 * their id and former ids) lets them go, and is cleared when it holds nobody else. One recorded
 * before red flags were (holding nobody by name) is cleared by any acknowledgement, as the household
 * gate it closed is reopened by any.
 */
function clearRedFlags(flags: readonly RedFlag[], ids: readonly string[], at: number): RedFlag[] {
  const changed: RedFlag[] = [];
  for (const flag of flags) {
    if (flag.clearedAt !== undefined) continue;
    if (flag.holds.length === 0) changed.push({ ...flag, clearedAt: at });
    else if (flag.holds.some((p) => ids.includes(p))) {
      const holds = flag.holds.filter((p) => !ids.includes(p));
      changed.push({ ...flag, holds, ...(holds.length ? {} : { clearedAt: at }) });
    }
  }
  return changed;
}
