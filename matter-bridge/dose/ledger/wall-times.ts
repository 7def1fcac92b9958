/**
 * In memory every time is on the trusted time line (../trusted-time.ts); the files hold wall-clock
 * times, so a forward clock step taken out of the line is added back when they are written, and a
 * wall clock known good re-dates what lies after it.
 */
import type { LedgerPatch } from "../journal.js";
import {
  type CautionRecord,
  type ClockCorrection,
  type LedgerFile,
  type LedgerSession,
  type PersonCaution,
  type PersonRecord,
  RECOVERED,
  type RedFlag,
} from "../ledger-schema.js";
import type { ClockState } from "../trusted-time.js";

/** The latest moment the file records: a wall clock behind it has gone backwards since. */
export function latestTimeIn(data: LedgerFile): number {
  const times = [
    data.seenAt,
    data.caution?.acknowledgedAt,
    data.caution?.withdrawnAt,
    ...Object.values(data.people ?? {}).flatMap((p) => [p.caution?.acknowledgedAt, p.caution?.withdrawnAt]),
    ...(data.redFlags ?? []).flatMap((f) => [f.at, f.clearedAt]),
    // A session closed at start-up ends at its planned end, which may lie ahead: only its start was seen.
    ...data.sessions.flatMap((s) => [s.startedAt, s.endReason === RECOVERED ? undefined : s.endedAt]),
  ].filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : Number.NEGATIVE_INFINITY;
}

/**
 * The ledger re-dated for a wall clock known good at `wall` while behind the ledger (`state`, the
 * line's; `offset`, the forward steps taken out): every time after `wall` moves to `wall`, the
 * correction is recorded (the last 20 kept). `check` sees the two times first and may refuse by throwing.
 */
export function redatedForWall(
  data: LedgerFile,
  { state, offset, wall, source }: { state: Extract<ClockState, { trusted: false }>; offset: number; wall: number; source: string },
  check?: (times: { newest: number; wall: number }) => void,
): { data: LedgerFile; correction: ClockCorrection } {
  const onWall = shiftTimes(data, offset);
  const newest = Math.max(state.floor, latestTimeIn(onWall));
  check?.({ newest, wall });
  const { data: redated, redated: count } = redatedAfter(onWall, wall);
  const correction: ClockCorrection = { at: wall, newestBefore: newest, source, redated: count };
  return {
    data: { ...redated, seenAt: wall, clockCorrections: [...(redated.clockCorrections ?? []), correction].slice(-20) },
    correction,
  };
}

/** `data` with every time after `wall` moved to `wall`, and how many entries that moved. */
function redatedAfter(data: LedgerFile, wall: number): { data: LedgerFile; redated: number } {
  let redated = 0;
  const at = <T extends number | undefined>(t: T): T => (t !== undefined && t > wall ? (wall as T) : t);
  const moved = <T extends object>(before: T, after: T): T => {
    if (JSON.stringify(before) !== JSON.stringify(after)) redated++;
    return after;
  };
  const caution = <C extends CautionRecord | PersonCaution>(c: C): C =>
    moved(c, drop({ ...c, acknowledgedAt: at(c.acknowledgedAt), withdrawnAt: at(c.withdrawnAt) }));
  return {
    data: {
      ...data,
      sessions: data.sessions.map((s) => moved(s, drop({ ...s, startedAt: at(s.startedAt), endedAt: at(s.endedAt) }))),
      caution: data.caution && caution(data.caution),
      ...(data.people
        ? {
            people: Object.fromEntries(
              Object.entries(data.people).map(([id, p]) => [id, p.caution ? { ...p, caution: caution(p.caution) } : p]),
            ),
          }
        : {}),
      ...(data.redFlags ? { redFlags: data.redFlags.map((f) => moved(f, drop({ ...f, at: at(f.at), clearedAt: at(f.clearedAt) }))) } : {}),
    },
    redated,
  };
}

/** The ledger's times moved by `offset` (the forward steps taken out of the line): as the files hold them. */
export function shiftTimes(data: LedgerFile, offset: number): LedgerFile {
  if (offset === 0) return data;
  return {
    ...data,
    seenAt: shiftAt(data.seenAt, offset),
    caution: data.caution && shiftCaution(data.caution, offset),
    sessions: data.sessions.map((s) => shiftSession(s, offset)),
    ...(data.people ? { people: shiftPeople(data.people, offset) } : {}),
    ...(data.redFlags ? { redFlags: data.redFlags.map((f) => shiftRedFlag(f, offset)) } : {}),
  };
}

/** One change's times moved by `offset`, as its journal line holds them. */
export function shiftPatch(patch: LedgerPatch, offset: number): LedgerPatch {
  if (offset === 0) return patch;
  return {
    ...(patch.sessions ? { sessions: patch.sessions.map((s) => shiftSession(s, offset)) } : {}),
    ...(patch.caution !== undefined ? { caution: patch.caution && shiftCaution(patch.caution, offset) } : {}),
    ...(patch.people ? { people: shiftPeople(patch.people, offset) } : {}),
    ...(patch.redFlags ? { redFlags: patch.redFlags.map((f) => shiftRedFlag(f, offset)) } : {}),
  };
}

const shiftAt = (t: number | undefined, offset: number) => (t === undefined ? undefined : Math.round(t + offset));
const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const shiftSession = (s: LedgerSession, offset: number): LedgerSession =>
  drop({ ...s, startedAt: shiftAt(s.startedAt, offset)!, endedAt: shiftAt(s.endedAt, offset) });

const shiftRedFlag = (f: RedFlag, offset: number): RedFlag =>
  drop({ ...f, at: shiftAt(f.at, offset)!, clearedAt: shiftAt(f.clearedAt, offset) });

const shiftCaution = <C extends CautionRecord | PersonCaution>(c: C, offset: number): C =>
  drop({ ...c, acknowledgedAt: shiftAt(c.acknowledgedAt, offset), withdrawnAt: shiftAt(c.withdrawnAt, offset) });

function shiftPeople(people: Record<string, PersonRecord>, offset: number): Record<string, PersonRecord> {
  return Object.fromEntries(
    Object.entries(people).map(([id, p]) => [id, p.caution ? { ...p, caution: shiftCaution(p.caution, offset) } : p]),
  );
}
