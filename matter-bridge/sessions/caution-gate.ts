/**
 * The household's red-flag caution gate (each person's own answer is kept too, but the gate is the
 * household's). It is open only for an acknowledgement of the current
 * CAUTION_VERSION that has not been withdrawn. A person whose own answer a red flag withdrew stays
 * refused (the dose policy's `cautionWithdrawnFor`) until they acknowledge again themselves. A withdrawal (a red flag reported) closes it at once,
 * even while the disk cannot take the record yet (the backlog retries it).
 */
import { CAUTION_VERSION } from "../contract/caution.js";
import { type Ledger, LedgerUnavailableError } from "../dose/ledger.js";
import type { CautionRecord } from "../dose/ledger-schema.js";
import type { TrustedTime } from "../dose/trusted-time.js";
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
const ACKNOWLEDGE_WAIT_MS = 3000;

export type AcknowledgedCaution = CautionRecord & { acknowledgedAt: number };

type Withdrawal = Pick<CautionRecord, "withdrawnAt" | "withdrawnReason" | "withdrawnSource"> & {
  /** Whose answer it withdraws too; undefined: everyone's. */
  person?: string;
};

export interface CautionGateOptions {
  /** The ledger, or undefined when it could not be read. */
  ledger: Ledger | undefined;
  /** Throws LedgerUnavailableError when there is no ledger. */
  requireLedger: () => Ledger;
  backlog: LedgerBacklog;
  time: TrustedTime;
  log: (message: string) => void;
  /** The configured people's ids: a red flag naming nobody withdraws each one's answer. */
  people: readonly string[];
}

export class CautionGate {
  /** The last withdrawal, applied over the ledger's record (it may not be on disk yet). */
  private withdrawal: Withdrawal | undefined;
  /** Acknowledgements being written: a red flag meanwhile is always recorded anew, and wins. */
  private acknowledging = 0;
  /** Red flags accepted whose record is not on disk yet, and acknowledgements waiting for them. */
  private unwritten = 0;
  private readonly waitingForWithdrawals = new Set<() => void>();

  constructor(private readonly options: CautionGateOptions) {}

  acknowledged(): boolean {
    const c = this.record();
    return Boolean(c && c.version === CAUTION_VERSION && c.withdrawnAt === undefined);
  }

  /** The ledger's record, with a withdrawal that is not on disk yet already applied. */
  record(): CautionRecord | null {
    const c = this.options.ledger?.caution() ?? null;
    const w = this.withdrawal;
    if (!w || c?.withdrawnAt !== undefined) return c;
    const { person: _person, ...withdrawal } = w;
    return c ? { ...c, ...withdrawal } : { version: CAUTION_VERSION, source: w.withdrawnSource!, ...withdrawal };
  }

  /**
   * Whether `person` has answered the current version themselves, and no red flag has been reported
   * for them (or for the household) since.
   */
  personAcknowledged(person: string): boolean {
    const c = this.options.ledger?.personCaution(person);
    if (!c || c.version !== CAUTION_VERSION || c.withdrawnAt !== undefined) return false;
    const w = this.withdrawal;
    return !(w && (w.person === undefined || w.person === person));
  }

  /**
   * Whether a red flag reported for `person` (or for everyone) withdrew their own answer and they
   * have not acknowledged again since: their starts are refused (CAUTION_REQUIRED) even while the
   * household gate is open, because someone else's acknowledgement does not clear their red flag.
   */
  personWithdrawn(person: string): boolean {
    const c = this.options.ledger?.personCaution(person);
    if (!c) return false;
    if (c.withdrawnAt !== undefined) return true;
    const w = this.withdrawal;
    return Boolean(w && (w.person === undefined || w.person === person));
  }

  /** Why the gate is closed, in words, or undefined when it is open. */
  problem(): string | undefined {
    if (this.acknowledged()) return undefined;
    const c = this.record();
    if (!c) return "The household has not yet acknowledged the red-flag caution.";
    if (c.withdrawnAt !== undefined)
      return `The red-flag caution was withdrawn (${c.withdrawnReason ?? "a red flag was reported"}); sessions stay refused until it is acknowledged again.`;
    return `The red-flag caution has changed (version ${c.version} was acknowledged, version ${CAUTION_VERSION} is current); it must be read and acknowledged again.`;
  }

  /** Opens the gate for the household; with `person`, that person's own answer is kept too. */
  async acknowledge(version: number, source: string, person?: string): Promise<AcknowledgedCaution> {
    if (version !== CAUTION_VERSION) throw new CautionVersionError(version);
    const ledger = this.options.requireLedger();
    // A withdrawal still waiting for the disk must not land after this acknowledgement: it would undo it.
    const refuseWhileWaiting = () => {
      const waiting = this.options.backlog.problem();
      if (waiting) throw new LedgerUnavailableError(waiting);
    };
    refuseWhileWaiting();
    // Nor one merely queued (behind a slow write): it is waited for, briefly. From the last check to
    // this acknowledgement's own write nothing awaits, so no red flag can slip in between unseen.
    while (this.unwritten > 0)
      if (!(await this.withdrawalsWritten(ACKNOWLEDGE_WAIT_MS)))
        throw new LedgerUnavailableError(
          this.options.backlog.problem() ?? "A red flag reported moments ago is not saved yet; acknowledge again in a moment.",
        );
    refuseWhileWaiting();
    // In a one-person home an acknowledgement naming nobody (the terminal, --acknowledge-caution) is theirs.
    const who = person ?? (this.options.people.length === 1 ? this.options.people[0] : undefined);
    const before = this.withdrawal;
    this.acknowledging++;
    try {
      const record = await ledger.acknowledgeCaution(version, source, who);
      // A red flag reported while this was being written came after it: the gate stays closed.
      if (this.withdrawal === before) this.withdrawal = undefined;
      return record;
    } finally {
      this.acknowledging--;
    }
  }

  /**
   * Closes the gate (nothing is written when it is already closed that way, unless an
   * acknowledgement is being written: then this red flag is recorded after it); returns when it closed.
   * The person's own answer is withdrawn too (everyone's when `person` is undefined).
   */
  async withdraw(reason: string | undefined, source: string, person?: string): Promise<number> {
    const ledger = this.options.requireLedger();
    const reportedAt = Math.round(this.options.time.now());
    if (this.record()?.withdrawnAt === undefined || this.acknowledging > 0) {
      this.withdrawal = {
        withdrawnAt: reportedAt,
        withdrawnSource: source,
        ...(reason !== undefined ? { withdrawnReason: reason } : {}),
        ...(person !== undefined ? { person } : {}),
      };
      this.options.log(
        `Red-flag caution withdrawn via ${source}${reason ? ` (${reason})` : ""}: every session is refused until it is acknowledged again.`,
      );
      await this.recordWithdrawal("record the caution withdrawal", () =>
        ledger.withdrawCaution(reason, source, CAUTION_VERSION, person, this.options.people, reportedAt),
      );
    } else if (person !== undefined && !this.personWithdrawn(person)) {
      // The gate is closed already, but this person's red flag is not on record yet.
      await this.recordWithdrawal(`record the caution withdrawal for ${person}`, () =>
        ledger.withdrawPersonCaution(person, CAUTION_VERSION, source, reportedAt),
      );
    }
    return this.record()?.withdrawnAt ?? this.options.time.now();
  }

  /** Writes a red flag's record through the backlog (retried until it is on disk), counted as unwritten until then. */
  private recordWithdrawal(what: string, write: () => Promise<unknown>): Promise<void> {
    this.unwritten++;
    return this.options.backlog.run(what, async () => {
      await write();
      if (--this.unwritten > 0) return;
      for (const done of this.waitingForWithdrawals) done();
    });
  }

  /** True once every red flag accepted so far is on disk; false if that takes more than `ms`. */
  private withdrawalsWritten(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (written: boolean) => {
        clearTimeout(timer);
        this.waitingForWithdrawals.delete(onWritten);
        resolve(written);
      };
      const onWritten = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.waitingForWithdrawals.add(onWritten);
    });
  }
}
