import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type PanelDriver, PanelUnreachableError } from "./driver.js";

export interface SimulatedAction {
  action: "on" | "off";
  seconds?: number;
  at: number;
}

/**
 * A panel that only logs what a real one would do. With `stateFile` it also writes its state after
 * every change, so a test (or a curious user) can see what the panel did from outside the process.
 */
export class SimulatedDriver implements PanelDriver {
  readonly kind = "simulated";
  readonly actions: SimulatedAction[] = [];
  private on_ = false;
  private reachable = true;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly panelId: string,
    private readonly options: { stateFile?: string; log?: (message: string) => void } = {},
  ) {}

  /** For tests: make the panel unreachable (calls reject, status says so). */
  setReachable(reachable: boolean): void {
    this.reachable = reachable;
  }

  get isOn(): boolean {
    return this.on_;
  }

  async on(seconds: number): Promise<void> {
    this.ensureReachable();
    this.on_ = true;
    this.record({ action: "on", seconds, at: Date.now() });
    this.log(`[${this.panelId}] ON for ${seconds} s (simulated)`);
    await this.persist(seconds);
  }

  async off(): Promise<void> {
    this.ensureReachable();
    this.on_ = false;
    this.record({ action: "off", at: Date.now() });
    this.log(`[${this.panelId}] OFF (simulated)`);
    await this.persist();
  }

  async status() {
    return { on: this.on_, reachable: this.reachable };
  }

  private ensureReachable(): void {
    if (!this.reachable) throw new PanelUnreachableError(`simulated panel ${this.panelId} is unreachable`);
  }

  private record(action: SimulatedAction): void {
    this.actions.push(action);
    if (this.actions.length > 1000) this.actions.splice(0, this.actions.length - 1000);
  }

  private log(message: string): void {
    (this.options.log ?? console.log)(message);
  }

  private persist(seconds?: number): Promise<void> {
    const file = this.options.stateFile;
    if (!file) return Promise.resolve();
    const state = { on: this.on_, ...(seconds !== undefined ? { seconds } : {}), changedAt: new Date().toISOString(), actions: this.actions.slice(-50) };
    const write = async () => {
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(state));
      await rename(tmp, file);
    };
    this.writes = this.writes.then(write, write);
    return this.writes;
  }
}
