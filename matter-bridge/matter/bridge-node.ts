/**
 * The bridge's Matter node as the bridge holds it: started at start-up when the storage folder can
 * be written, else once it can (retried while it fails); its pairing codes and pairing control; why
 * it is offline while it is.
 */
import { ZodError } from "zod";
import { ConfigError } from "../config/load.js";
import type { BridgeConfig } from "../contract/config.js";
import { describeIssues } from "../contract/issues.js";
import type { SessionController } from "../sessions/controller.js";
import type { Clock } from "../support/clock.js";
import { type FabricInfo, PairingControl } from "./fabrics.js";
import { type RunningMatterNode, startMatterNode } from "./node.js";
import { loadOrCreatePairing, type Pairing } from "./pairing.js";

export interface BridgeNodeOptions {
  controller: SessionController;
  config: BridgeConfig;
  storageDir: string;
  port: number;
  /** The pairing codes given as flags (else kept in the storage folder, made once). */
  given: { passcode?: number; discriminator?: number };
  resetPairing?: boolean;
  log: (m: string) => void;
  clock: Clock;
  /** How long after a failed start (once the folder can be written) it is tried again: the storage watch's period. */
  retryMs: number;
}

export class BridgeNode {
  private running: RunningMatterNode | undefined;
  private control: PairingControl | undefined;
  private stopped = false;
  private wake = () => {};
  private said: string | undefined;
  private saved: Promise<Pairing> | undefined;

  constructor(private readonly opts: BridgeNodeOptions) {}

  /** Reads (and checks) the pairing codes; `persist`: saves them when new (the folder can be written). */
  pairingCodes(persist: boolean): Promise<Pairing> {
    if (persist && this.saved) return this.saved;
    const read = loadOrCreatePairing(this.opts.storageDir, this.opts.given, { persist }).catch((err: Error) => {
      throw new ConfigError(
        err instanceof ZodError
          ? `Invalid pairing code:\n${describeIssues(err)
              .map((l) => `  - ${l}`)
              .join("\n")}`
          : err.message,
      );
    });
    // Codes saved are what the file holds from now on: the node's start need not read it again (a failure is tried again).
    if (persist)
      read.then(
        () => (this.saved = read),
        () => {},
      );
    return read;
  }

  async start(): Promise<void> {
    const { controller, config, storageDir, port, resetPairing } = this.opts;
    const node = await startMatterNode({ controller, config, storageDir, port, ...(await this.pairingCodes(true)), resetPairing });
    this.running = node;
    this.control = new PairingControl(node.node, node.pairing);
  }

  /**
   * The storage folder can be written again: starts the node, every `retryMs` until it does
   * or `stop()`. Settles once the last attempt is over.
   */
  async startNowWritable(): Promise<void> {
    while (!this.stopped && !(await this.attempt()))
      await new Promise<void>((resolve) => {
        const cancel = this.opts.clock.after(this.opts.retryMs, resolve);
        this.wake = () => {
          cancel();
          resolve();
        };
      });
  }

  private async attempt(): Promise<boolean> {
    try {
      await this.start();
    } catch (err) {
      const message = `The Matter node could not start (${(err as Error).message}); trying again in ${this.opts.retryMs / 1000} s.`;
      if (message !== this.said) this.opts.log(message);
      this.said = message;
      return false;
    }
    const node = this.running!;
    this.opts.log(
      `Matter node started (UDP port ${this.opts.port}): the storage folder can be written again. ${
        node.commissioned
          ? "Paired as before."
          : `Not paired yet: manual pairing code ${node.pairing.manualPairingCode} (the QR code is on the dashboard).`
      }`,
    );
    return true;
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Why the node is not running, while it is not. */
  offline(): string | undefined {
    return this.running ? undefined : (this.opts.controller.ledgerProblem() ?? "The Matter node has not started yet.");
  }

  /** The pairing control while the node runs (else undefined). */
  get pairingControl(): PairingControl | undefined {
    return this.control;
  }

  get pairing(): { qrPairingCode: string; manualPairingCode: string } {
    if (!this.running) throw new Error(`The Matter node is not running: ${this.offline()}`);
    return { qrPairingCode: this.running.pairing.qrPairingCode, manualPairingCode: this.running.pairing.manualPairingCode };
  }

  get commissioned(): boolean {
    return this.running ? (this.control?.commissioned() ?? this.running.commissioned) : false;
  }

  /** The fabrics --reset-pairing forgot (at the start-up's node start). */
  get forgotten(): FabricInfo[] {
    return this.running?.forgotten ?? [];
  }

  /** Stops the retries (a start under way finishes first: `close` closes what it started). */
  stop(): void {
    this.stopped = true;
    this.wake();
  }

  async close(): Promise<void> {
    this.control?.close();
    await this.running?.close();
  }
}
