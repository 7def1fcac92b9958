/**
 * The household's red-flag caution gate and each person's own answer (invariant 7 in
 * ARCHITECTURE.md): the ledger's records, with the red flags accepted and not yet in the ledger on top.
 */
import { randomUUID } from "node:crypto";
import { CAUTION_VERSION } from "../contract/caution.js";
import { withdrawalBy, withoutWithdrawal } from "../dose/ledger/caution-records.js";
import { type Ledger, LedgerUnavailableError } from "../dose/ledger.js";
import type { CautionRecord, RedFlag } from "../dose/ledger-schema.js";
import type { TrustedTime } from "../dose/trusted-time.js";
import { type Clock, within } from "../support/clock.js";
import type { LedgerBacklog } from "./ledger-backlog.js";

export class CautionVersionError extends Error {
  constructor(readonly version: number) {
    super(
      `Caution version ${version} is not the current one: this bridge asks for version ${CAUTION_VERSION}. Read it (GET /v1/caution) and acknowledge version ${CAUTION_VERSION}.`,
    );
    this.name = "CautionVersionError";
  }
}

/** How long an acknowledgement waits for a red flag reported just before it to reach the disk. */
export const ACKNOWLEDGE_WAIT_MS = 3000;

export type AcknowledgedCaution = CautionRecord & { acknowledgedAt: number };

/** Where a red flag is kept: in the ledger, in the red-flag slot only (the ledger write is retried), or in memory only. */
export type RedFlagKept = "ledger" | "slot" | false;

export interface CautionGateOptions {
  /** The ledger, or undefined when it could not be read. */
  ledger: Ledger | undefined;
  /** Throws LedgerUnavailableError when there is no ledger. */
  requireLedger: () => Ledger;
  backlog: LedgerBacklog;
  time: TrustedTime;
  log: (message: string) => void;
  /** The configured people's ids: a red flag naming nobody holds each of them. */
  people: readonly string[];
  /** The current id for an id a red flag was recorded with (config `formerIds`); unknown ids as they are. */
  currentId?: (id: string) => string;
  /** Times an acknowledgement's wait. */
  clock: Clock;
}

export class CautionGate {
  /**
   * Red flags accepted whose record is not in the ledger yet, oldest first: they close the gate and
   * hold whom they name at once, and acknowledgements wait for them.
   */
  private pending: RedFlag[] = [];
  /** Settles once every red flag accepted so far is in the ledger (true), or one was given up at shutdown (false). */
  private allWritten: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly options: CautionGateOptions) {
    // Red flags a restart found in the red-flag slot only (a full disk): held again, and written.
    const ledger = options.ledger;
    for (const flag of ledger?.unsavedRedFlags() ?? []) {
      const held = flag.holds.length ? flag : { ...flag, holds: flag.person !== undefined ? [flag.person] : [...options.people] };
      void this.hold(ledger!, held);
    }
  }

  acknowledged(): boolean {
    const c = this.options.ledger?.caution();
    return Boolean(c && c.version === CAUTION_VERSION && c.withdrawnAt === undefined && this.pending.length === 0);
  }

  /** The ledger's record, with the newest red flag that is not on disk yet already applied. */
  record(): CautionRecord | null {
    const c = this.options.ledger?.caution() ?? null;
    const newest = this.pending.at(-1);
    if (!newest) return c;
    const withdrawal = withdrawalBy(newest);
    if (!c) return { version: CAUTION_VERSION, source: newest.source, ...withdrawal };
    return { ...withoutWithdrawal(c), ...withdrawal };
  }

  /**
   * The red flags that still hold someone, newest first (those not on disk yet included); `holds`
   * says who must still acknowledge again.
   */
  openRedFlags(): RedFlag[] {
    const recorded = (this.options.ledger?.redFlags() ?? []).filter((f) => f.clearedAt === undefined);
    const ids = new Set(recorded.map((f) => f.id));
    const open = [...recorded, ...this.pending.filter((f) => !ids.has(f.id))];
    const current = this.options.currentId ?? ((id: string) => id);
    return open
      .map((f, i) => ({ f, i }))
      .sort((a, b) => b.f.at - a.f.at || b.i - a.i)
      .map(({ f }) => ({
        ...f,
        ...(f.person !== undefined ? { person: current(f.person) } : {}),
        holds: [...new Set(f.holds.map(current))],
      }));
  }

  /**
   * Whether `person` has answered the current version themselves, and no red flag has been reported
   * for them (or for the household) since.
   */
  personAcknowledged(person: string): boolean {
    const c = this.options.ledger?.personCaution(person);
    if (!c || c.version !== CAUTION_VERSION || c.withdrawnAt !== undefined) return false;
    return !this.pendingHolds(person);
  }

  /**
   * Whether a red flag reported for `person` (or for everyone) withdrew their own answer and they
   * have not acknowledged again since: their starts are refused (CAUTION_REQUIRED) even while the
   * household gate is open, because someone else's acknowledgement does not clear their red flag.
   */
  personWithdrawn(person: string): boolean {
    return this.options.ledger?.personCaution(person)?.withdrawnAt !== undefined || this.pendingHolds(person);
  }

  /** Why the gate is closed, in words, or undefined when it is open. */
  problem(): string | undefined {
    if (this.acknowledged()) return undefined;
    const c = this.record();
    if (!c) return "The household has not yet acknowledged the red-flag caution.";
    if (c.withdrawnAt !== undefined) {
      const more = this.openRedFlags().length - 1;
      return `The red-flag caution was withdrawn (${c.withdrawnReason ?? "a red flag was reported"}${more > 0 ? `, and ${more} more red flag${more > 1 ? "s" : ""} before it` : ""}); sessions stay refused until it is acknowledged again.`;
    }
    return `The red-flag caution has changed (version ${c.version} was acknowledged, version ${CAUTION_VERSION} is current); it must be read and acknowledged again.`;
  }

  /**
   * Opens the gate for the household; with `person`, that person's own answer is kept too and every
   * open red flag lets them go (see Ledger.acknowledgeCaution).
   */
  async acknowledge(version: number, source: string, person?: string): Promise<AcknowledgedCaution> {
    if (version !== CAUTION_VERSION) throw new CautionVersionError(version);
    const ledger = this.options.requireLedger();
    // A red flag still waiting for the disk must not land after this acknowledgement: it would undo it.
    const refuseWhileWaiting = () => {
      const waiting = this.options.backlog.problem();
      if (waiting) throw new LedgerUnavailableError(waiting);
    };
    refuseWhileWaiting();
    // Nor one merely queued (behind a slow write): it is waited for, briefly. From the last check to
    // this acknowledgement's own write nothing awaits, so no red flag can slip in between unseen; one
    // reported while it is written is written after it (the ledger's queue), and keeps the gate closed.
    while (this.pending.length > 0)
      if (!(await this.redFlagsWritten(ACKNOWLEDGE_WAIT_MS)))
        throw new LedgerUnavailableError(
          this.options.backlog.problem() ?? "A red flag reported moments ago is not saved yet; acknowledge again in a moment.",
        );
    refuseWhileWaiting();
    // In a one-person home an acknowledgement naming nobody (the terminal, --acknowledge-caution) is theirs.
    const who = person ?? (this.options.people.length === 1 ? this.options.people[0] : undefined);
    return ledger.acknowledgeCaution(version, source, who);
  }

  /**
   * A red flag: recorded every time (the gate closed or not), it closes the gate and holds whom it
   * names (everyone configured when `person` is undefined) until each acknowledges again. Answers
   * when it was reported and where it is kept (false: in memory only, a restart would forget it),
   * once it is in the red-flag slot and its ledger write has been tried once.
   */
  async withdraw(reason: string | undefined, source: string, person?: string): Promise<{ at: number; kept: RedFlagKept }> {
    const ledger = this.options.requireLedger();
    const flag: RedFlag = {
      id: randomUUID(),
      at: Math.round(this.options.time.now()),
      source,
      ...(person !== undefined ? { person } : {}),
      ...(reason !== undefined ? { reason } : {}),
      holds: person !== undefined ? [person] : [...this.options.people],
    };
    this.options.log(
      `Red-flag caution withdrawn via ${source}${person !== undefined ? ` for ${person}` : ""}${reason ? ` (${reason})` : ""}: ${person !== undefined ? `${person}'s sessions are` : "every session is"} refused until ${person !== undefined ? "they acknowledge" : "it is acknowledged"} again.`,
    );
    let slot = false;
    await this.hold(ledger, flag, async () => {
      // Kept where a full disk cannot stop it before anything else: a restart still holds it.
      slot = await ledger.holdRedFlags(this.pending.slice()).then(
        () => true,
        (err: Error) => {
          this.options.log(
            `NOT KEPT: the red-flag slot could not take the red flag reported via ${source} (${err.message}); until the dose ledger takes it, a restart would forget it.`,
          );
          return false;
        },
      );
    });
    return { at: flag.at, kept: !this.pending.includes(flag) ? "ledger" : slot ? "slot" : false };
  }

  /** Whether a red flag not in the ledger yet holds `person`. */
  private pendingHolds(person: string): boolean {
    const current = this.options.currentId ?? ((id: string) => id);
    return this.pending.some((f) => f.holds.some((id) => current(id) === person));
  }

  /**
   * A red flag holds from now (the gate closes, its people are refused) until its record is in the
   * ledger, written through the backlog (retried until it is on disk) after `first` (the slot).
   * Resolves after the record's first attempt.
   */
  private hold(ledger: Ledger, flag: RedFlag, first?: () => Promise<void>): Promise<void> {
    this.pending.push(flag);
    const record = () => ({
      write: this.options.backlog.run(`record the red flag reported via ${flag.source}`, async () => {
        await ledger.withdrawCaution(flag, CAUTION_VERSION);
        this.pending = this.pending.filter((f) => f !== flag);
        // The slot need not hold it any more (a stale copy is skipped at open, by its id).
        void ledger.holdRedFlags(this.pending.slice()).catch(() => {});
      }),
    });
    const started = first ? first().then(record) : Promise.resolve(record());
    // Chained from the moment it is pending, so an acknowledgement waits for it even before its write starts.
    const before = this.allWritten;
    this.allWritten = Promise.all([before, started.then(({ write }) => write.landed)]).then(([earlier, written]) => earlier && written);
    return started.then(({ write }) => write);
  }

  /** True once every red flag accepted so far is on disk; false if one was given up, or that takes more than `ms`. */
  private redFlagsWritten(ms: number): Promise<boolean> {
    return within(this.options.clock, this.allWritten, ms, false);
  }
}
