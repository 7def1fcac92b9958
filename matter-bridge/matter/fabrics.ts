/**
 * Who the bridge is paired with, and the household's pairing controls: the fabrics (one per
 * ecosystem: Apple Home, Google Home, Alexa, …), a new commissioning window with a fresh code for
 * the next ecosystem, removing one fabric, forgetting them all. Everything goes through the node's
 * own matter.js services (FabricManager, DeviceCommissioner) and its AdministratorCommissioning
 * behaviour, so a controller sees the same window status and gets Busy for a second window.
 */
import { randomInt } from "node:crypto";
import { CRYPTO_PBKDF_ITERATIONS_MIN, Seconds, type ServerNode, Time, type Timer } from "@matter/main";
import { AdministratorCommissioningServer } from "@matter/main/behaviors/administrator-commissioning";
import { AdministratorCommissioning } from "@matter/main/clusters/administrator-commissioning";
import { DeviceCommissioner, FabricManager, PaseServer, SessionManager } from "@matter/main/protocol";
import {
  CommissioningFlowType,
  DiscoveryCapabilitiesSchema,
  FabricIndex,
  ManualPairingCodeCodec,
  QrPairingCodeCodec,
} from "@matter/main/types";
import { randomPasscode } from "./pairing.js";

/** Root vendor ids of the ecosystems people pair with (the CSA's vendor list); others show as their hex id. */
export const VENDOR_NAMES: Readonly<Record<number, string>> = {
  4937: "Apple Home",
  24582: "Google Home",
  4631: "Amazon Alexa",
  4362: "Samsung SmartThings",
  4939: "Home Assistant",
  65521: "Test controller",
  65522: "Test controller",
  65523: "Test controller",
  65524: "Test controller",
};

export const vendorName = (vendorId: number): string =>
  VENDOR_NAMES[vendorId] ?? `vendor 0x${vendorId.toString(16).toUpperCase().padStart(4, "0")}`;

export interface FabricInfo {
  fabricIndex: number;
  vendorId: number;
  vendorName: string;
  label: string;
}

export interface PairingCodes {
  qrPairingCode: string;
  manualPairingCode: string;
}

export type WindowState =
  | { open: false }
  /** basic: the bridge's own code while it is not paired; enhanced: a fresh code opened here; controller: opened by a paired app. */
  | { open: true; kind: "basic" | "enhanced" | "controller"; expiresAt?: number };

export interface PairingState {
  commissioned: boolean;
  fabrics: FabricInfo[];
  window: WindowState;
  /** The code that pairs now: the bridge's own while it is not paired, the fresh one while a window opened here is open. */
  codes?: PairingCodes;
}

/** How long a window opened from the dashboard stays open: the Matter standard's 15 minutes. */
export const WINDOW_SECONDS = 15 * 60;

export class UnknownFabricError extends Error {
  constructor(readonly fabricIndex: number) {
    super(`No fabric with index ${fabricIndex}.`);
    this.name = "UnknownFabricError";
  }
}

export class WindowBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WindowBusyError";
  }
}

/** The node's fabrics, from matter.js's FabricManager. */
export const fabricsOf = (node: ServerNode): FabricInfo[] =>
  node.env.get(FabricManager).fabrics.map((f) => ({
    fabricIndex: f.fabricIndex,
    vendorId: f.rootVendorId,
    vendorName: vendorName(f.rootVendorId),
    label: f.label,
  }));

const NOT_OPEN = AdministratorCommissioning.CommissioningWindowStatus.WindowNotOpen;

export class PairingControl {
  #window?: { codes: PairingCodes; expiresAt: number; timer: Timer };

  constructor(
    readonly node: ServerNode,
    /** The bridge's own codes (pairing.json): what pairs the bridge while no fabric exists. */
    readonly baseCodes: PairingCodes,
    private readonly now = () => Date.now(),
  ) {}

  fabrics(): FabricInfo[] {
    return fabricsOf(this.node);
  }

  commissioned(): boolean {
    return this.node.env.get(FabricManager).fabrics.length > 0;
  }

  state(): PairingState {
    const commissioned = this.commissioned();
    const fabrics = this.fabrics();
    if (this.#window)
      return {
        commissioned,
        fabrics,
        window: { open: true, kind: "enhanced", expiresAt: this.#window.expiresAt },
        codes: this.#window.codes,
      };
    if (!commissioned) return { commissioned, fabrics, window: { open: true, kind: "basic" }, codes: this.baseCodes };
    const status = this.node.stateOf(AdministratorCommissioningServer).windowStatus;
    return { commissioned, fabrics, window: status === NOT_OPEN ? { open: false } : { open: true, kind: "controller" } };
  }

  /**
   * Opens an enhanced commissioning window with a fresh passcode and discriminator, for adding
   * another ecosystem. Refused (WindowBusyError) while any window is open or a commissioning runs.
   */
  async openWindow(seconds = WINDOW_SECONDS): Promise<PairingState> {
    if (!this.commissioned())
      throw new WindowBusyError("The bridge is not paired yet: its own pairing code is open already (see GET /v1/pairing).");
    if (this.#window) throw new WindowBusyError("A pairing window is open already; its code is in GET /v1/pairing.");
    const commissioner = this.node.env.get(DeviceCommissioner);
    const admin = this.node.stateOf(AdministratorCommissioningServer);
    if (admin.windowStatus !== NOT_OPEN || commissioner.isFailsafeArmed)
      throw new WindowBusyError("A Matter app is pairing or has opened a pairing window right now; try again in a few minutes.");

    const passcode = randomPasscode();
    const discriminator = randomInt(0, 4096);
    const sessions = this.node.env.get(SessionManager);
    const pase = await PaseServer.fromPin(sessions, passcode, {
      iterations: CRYPTO_PBKDF_ITERATIONS_MIN,
      salt: sessions.crypto.randomBytes(32),
    });
    const timer = Time.getTimer("Biolight pairing window", Seconds(seconds), () => void commissioner.endCommissioning()).start();
    this.#window = { codes: this.#codes(passcode, discriminator), expiresAt: this.now() + seconds * 1000, timer };
    // The behaviour's state and timer, as for a window a controller opens: controllers read the
    // status, and a second OpenCommissioningWindow answers Busy.
    await this.node.act("open pairing window", (agent) => {
      const server = agent.get(AdministratorCommissioningServer);
      server.internal.commissioningWindowTimeout = timer;
      server.state.windowStatus = AdministratorCommissioning.CommissioningWindowStatus.EnhancedWindowOpen;
    });
    try {
      await commissioner.allowEnhancedCommissioning(discriminator, pase, () => this.#ended(timer));
    } catch (err) {
      await this.#ended(timer);
      throw err;
    }
    return this.state();
  }

  /** The window closed: an app paired, it timed out, or it was revoked. */
  async #ended(timer: Timer): Promise<void> {
    timer.stop();
    if (this.#window?.timer === timer) this.#window = undefined;
    if (!this.node.lifecycle.isOnline) return;
    await this.node.act("pairing window closed", (agent) => {
      const server = agent.get(AdministratorCommissioningServer);
      if (server.internal.commissioningWindowTimeout === timer) server.internal.commissioningWindowTimeout = undefined;
      server.state.windowStatus = NOT_OPEN;
    });
  }

  /**
   * Leaves one fabric as a RemoveFabric from its own controller would: subscriptions flushed,
   * sessions closed, its data dropped. Removing the last one resets the node (matter.js), which
   * then opens its own code again.
   */
  async removeFabric(fabricIndex: number): Promise<void> {
    const fabric = this.node.env.get(FabricManager).maybeFor(FabricIndex(fabricIndex));
    if (!fabric) throw new UnknownFabricError(fabricIndex);
    await fabric.leave();
  }

  #codes(passcode: number, discriminator: number): PairingCodes {
    const { vendorId, productId } = this.node.state.basicInformation;
    const flowType = CommissioningFlowType.Standard;
    return {
      qrPairingCode: QrPairingCodeCodec.encode([
        {
          version: 0,
          vendorId,
          productId,
          flowType,
          discriminator,
          passcode,
          discoveryCapabilities: DiscoveryCapabilitiesSchema.encode(this.node.state.network.discoveryCapabilities),
        },
      ]),
      manualPairingCode: ManualPairingCodeCodec.encode({ discriminator, passcode, flowType }),
    };
  }

  /** Stops a window's timer when the bridge closes. */
  close(): void {
    this.#window?.timer.stop();
    this.#window = undefined;
  }
}

/**
 * Forgets every fabric: matter.js's factory reset of the node (fabrics, sessions, its stored
 * state), for a node that is not started yet. The bridge's own pairing code stays. Returns how many
 * fabrics there were.
 */
export async function forgetEveryFabric(node: ServerNode): Promise<FabricInfo[]> {
  await node.construction.ready;
  const before = fabricsOf(node);
  await node.erase();
  return before;
}
