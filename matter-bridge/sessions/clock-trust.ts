/**
 * A wall clock behind the dose ledger's newest entry (invariant 4 in ARCHITECTURE.md). When it was
 * behind because it had been AHEAD and was put right, waiting would take as long as it had been
 * ahead: so once the clock is known good (the system, polled while untrusted, or the owner) the
 * ledger re-dates its future entries to now (Ledger.trustWallClock) and starts resume.
 */
import { iso } from "../contract/units.js";
import type { ClockSyncSource } from "../dose/clock-sync.js";
import type { Ledger } from "../dose/ledger.js";
import type { ClockCorrection } from "../dose/ledger-schema.js";
import { describeDuration, type TrustedTime } from "../dose/trusted-time.js";
import type { Clock } from "../support/clock.js";

/** How often the system is asked while the clock is untrusted. */
export const CLOCK_SYNC_POLL_MS = 15_000;
/** An owner's confirmation still holds when the clock is this much further behind than they saw (rounding, a slow page). */
const CLAIM_SLACK_MS = 5000;

/** While the clock is untrusted: the two times to compare and what starts wait for. */
export interface ClockCheck {
  ledgerNewestAt: string;
  machineTime: string;
  behindSeconds: number;
  /** What starts wait for, and how to give it: the refusal's, banner's, health's and dashboard's text. */
  waitsFor: string;
}

/** The owner's confirmation was given for times that no longer hold: nothing was changed. */
export class ClockClaimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClockClaimError";
  }
}

export interface ClockTrustOptions {
  time: TrustedTime;
  ledger: () => Ledger | undefined;
  /** Asks the system whether its clock is synchronized; absent: only the owner can say so. */
  sync?: ClockSyncSource;
  log: (message: string) => void;
  /** Times the polls. */
  clock: Clock;
}

export class ClockTrust {
  private cancelPoll: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly options: ClockTrustOptions) {}

  /** The times and what starts wait for, while the clock is behind the ledger; undefined when it is trusted. */
  check(): ClockCheck | undefined {
    const state = this.options.time.state();
    if (state.trusted) return undefined;
    const machine = this.options.time.wallNow();
    const system = this.options.sync
      ? "the system reports its clock synchronized (systemd-timesyncd or chrony; see `timedatectl status`), or "
      : "";
    return {
      ledgerNewestAt: iso(state.floor),
      machineTime: iso(machine),
      behindSeconds: Math.round(state.behindMs / 1000),
      waitsFor:
        `The bridge's clock is ${describeDuration(state.behindMs)} behind the newest entry in its dose ledger (${iso(state.floor)}; the machine says ${iso(machine)}), so session ages cannot be trusted. ` +
        `Sessions are refused until ${system}the owner confirms the machine's time is right: on the dashboard, or by restarting the bridge with \`npm start -- --clock-is-right\`. ` +
        "Entries dated after the machine's time then count as having happened just now.",
    };
  }

  /**
   * The clock is known good (`source` says who said so): future entries are re-dated and starts
   * resume. `claimedBehindMs`: how far behind the owner saw the clock; refused (ClockClaimError,
   * nothing changed) when it is further behind now, i.e. the clock went back since. Undefined when
   * the clock was trusted already.
   */
  async trust(source: string, claimedBehindMs?: number): Promise<ClockCorrection | undefined> {
    const ledger = this.options.ledger();
    if (!ledger) return undefined;
    const correction = await ledger.trustWallClock(source, ({ newest, wall }) => {
      if (claimedBehindMs !== undefined && newest - wall > claimedBehindMs + CLAIM_SLACK_MS)
        throw new ClockClaimError(
          `The machine's clock (${iso(wall)}) is ${describeDuration(newest - wall)} behind the dose ledger's newest entry (${iso(newest)}), more than the ${describeDuration(claimedBehindMs)} that was confirmed: it went back since. Nothing was changed; look at the two times again.`,
        );
    });
    if (correction) {
      this.stop();
      this.options.log(
        `The clock is known good (${source}): the dose ledger's newest entry was at ${iso(correction.newestBefore)}, ${describeDuration(correction.newestBefore - correction.at)} ahead of the machine's clock (${iso(correction.at)}). ` +
          `${correction.redated} ${correction.redated === 1 ? "entry" : "entries"} dated after it now count as having happened at ${iso(correction.at)} (fully toward rest and daily limits); the re-dating is recorded in the ledger. Sessions can start again.`,
      );
    }
    return correction;
  }

  /** Asks the system once, while the clock is untrusted; re-dates when it says the clock is synchronized. */
  async checkSync(): Promise<ClockCorrection | undefined> {
    // A ledger that cannot be written (read-only storage) is asked about again once it can.
    if (!this.options.sync || this.options.time.state().trusted || this.options.ledger()?.suspended) return undefined;
    const says = await this.options.sync().catch(() => undefined);
    if (!says || this.options.time.state().trusted) return undefined;
    return this.trust(`system: ${says}`);
  }

  /** Asks now, then every CLOCK_SYNC_POLL_MS while the clock is untrusted, until `stop()`. */
  async watch(): Promise<void> {
    await this.checkOrLog();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancelPoll?.();
    this.cancelPoll = undefined;
  }

  private schedule(): void {
    if (this.stopped || !this.options.sync || this.options.time.state().trusted) return;
    this.cancelPoll = this.options.clock.after(CLOCK_SYNC_POLL_MS, () => void this.checkOrLog().then(() => this.schedule()), {
      background: true,
    });
  }

  private async checkOrLog(): Promise<void> {
    await this.checkSync().catch((err: Error) => this.options.log(`The clock could not be re-dated yet: ${err.message}`));
  }
}
