/**
 * What every dose-guarded On/Off endpoint of the bridge shares: the panel endpoint (PanelOnOffServer,
 * any region) and the region switches (RegionSwitchServer, one region). Every way a Matter controller
 * can switch one on (On, Toggle, OnWithTimedOff, OnWithRecallGlobalScene, RecallScene) becomes a
 * request to the session controller, which asks the dose guard; a refusal is the command's Matter
 * failure status. The controller's deadline, not the cluster's 100 ms tick, switches the panel off;
 * OnTime is only a read-out of the time left. The endpoint follows the controller by itself: OnOff,
 * the OnTime read-out and Reachable are rewritten on every change of its panel.
 *
 * What an endpoint stands for is its `region`: undefined for the whole panel (an On starts the
 * panel's current region; it reads on while any session runs), or one region (an On starts that
 * region; it reads on only while that region runs on the panel, and an Off stops only that).
 *
 * Scenes Management is mandatory for On/Off Plug-in Units and On/Off Lights, so it stays. matter.js
 * applies a scene's OnOff value through a callback OnOffServer registers: with a transition time it
 * arms a timer that calls on() when the transition ends, cancels that timer only when OnOff changes
 * (so an Off while already off leaves it armed), and logs and swallows a rejected on(), so the
 * controller sees success. Here no such callback is registered: GuardedScenesServer.recallScene
 * applies the OnOff value itself, at once (a panel has no fade), and a refusal is the command's status.
 */
import { type ActionContext, Millis, Time, type Timer } from "@matter/main";
import { BridgedDeviceBasicInformationServer } from "@matter/main/behaviors/bridged-device-basic-information";
import { OnOffBaseServer, OnOffServer } from "@matter/main/behaviors/on-off";
import { ScenesManagementServer } from "@matter/main/behaviors/scenes-management";
import { OnOff } from "@matter/main/clusters/on-off";
import type { ScenesManagement } from "@matter/main/clusters/scenes-management";
import { OnOffPlugInUnitRequirements } from "@matter/main/devices/on-off-plug-in-unit";
import { hasRemoteActor } from "@matter/main/protocol";
import { Status, StatusResponse } from "@matter/main/types";
import type { RegionId } from "../contract/regions.js";
import type { Refusal } from "../dose/policy.js";
import type { StoppedBeforeStart } from "../sessions/outcomes.js";
import { PanelBehavior } from "./panel-behavior.js";

/** Start/stop sources in the ledger. */
const MATTER = "matter";
const MATTER_OFF = "matter-off";
const SCENE = "matter-scene";

/** OnTime read-out: remaining time in tenths of a second, within the attribute's range. */
export const tenths = (seconds: number): number => Math.min(0xfffe, Math.max(0, Math.ceil(seconds * 10)));

/**
 * A write a Matter controller made to an attribute: a remote actor (it has a subject and a fabric)
 * outside a command. The bridge's own updates run in a local context, and a command's bookkeeping
 * (OnTime set by On, OnWithTimedOff, ...) in the command's context.
 */
export const isControllerWrite = (context?: ActionContext): boolean => hasRemoteActor(context) && !context.command;

/** The dose guard's refusal as the Matter command's status: FAILURE, with the reason in the message. */
export function refusalError({ code, message, retryAfterSeconds }: Refusal | StoppedBeforeStart): Error {
  const retry = retryAfterSeconds !== undefined ? ` Retry in ${retryAfterSeconds} s.` : "";
  return new StatusResponse.FailureError(`${code}: ${message}${retry}`);
}

export class GuardedOnOffServer extends OnOffServer.with(OnOff.Feature.Lighting) {
  declare protected internal: GuardedOnOffServer.Internal;

  /**
   * Not super.initialize(): it registers matter.js's scene apply callback (see the top of this file),
   * which cannot be replaced once registered, plus StartUpOnOff (skipped under an Aggregator anyway)
   * and reactors for matter.js's own OnTime/OffWaitTime timers, which this class never starts.
   */
  override initialize() {
    // The hardware was switched off at start-up; a persisted "on" must not survive a restart.
    this.state.onOff = false;
    this.state.onTime = 0;
    this.state.offWaitTime = 0;
    this.reactTo(this.events.onTime$Changed, this.onTimeWritten);
    // OnOff stays a scene attribute (StoreScene/AddScene/ViewScene carry it), but recalling it is
    // GuardedScenesServer's job; with any other Scenes server a recall leaves the panel as it is.
    if (this.agent.has(ScenesManagementServer)) this.agent.get(ScenesManagementServer).implementScenes(this, ignoreSceneValues);

    // The endpoint follows the controller. Both callbacks run in a local context of their own once
    // this behaviour's state is free (a command switching the panel on or off holds it until done).
    const { controller, panelId } = this.panel;
    this.internal.refresh = this.callback(this.showSession, { lock: true });
    this.internal.readOut = Time.getPeriodicTimer(`${this.endpoint.id} OnTime read-out`, Millis(1000), this.internal.refresh);
    const changed = this.callback(this.panelChanged, { lock: true });
    this.internal.unsubscribe = controller.onChange((status) => {
      if (status.id === panelId) changed(status.reachable);
    });
    // What the controller found at start-up (a panel that did not answer reads unreachable).
    const found = controller.status().find((status) => status.id === panelId);
    changed(found?.reachable ?? true);
  }

  override async [Symbol.asyncDispose]() {
    this.internal.unsubscribe?.();
    this.internal.readOut?.stop();
    await super[Symbol.asyncDispose]();
  }

  /** The panel this endpoint stands for and its session controller. */
  protected get panel(): PanelBehavior {
    return this.agent.get(PanelBehavior);
  }

  /** The one region this endpoint stands for, or undefined for the whole panel (any region). */
  protected get region(): RegionId | undefined {
    return undefined;
  }

  /**
   * True while what this endpoint stands for is on (from the grant until a stop is asked for): the
   * panel's session, or for a region switch, a session of that region on the panel (from any source).
   */
  protected isLit(): boolean {
    const { controller, panelId } = this.panel;
    if (!controller.isOn(panelId)) return false;
    const region = this.region;
    return region === undefined || controller.status().find((status) => status.id === panelId)?.session?.region === region;
  }

  /** The time left of the session this endpoint reads on for (0 while it reads off). */
  protected remainingSeconds(): number {
    return this.isLit() ? this.panel.controller.remainingSeconds(this.panel.panelId) : 0;
  }

  override async on() {
    await this.startSession();
  }

  override async off() {
    await this.switchOff(MATTER_OFF);
  }

  /**
   * Decided from the controller, not from OnOff: OnOff follows the controller only once this state
   * is free, so right after a start or stop from elsewhere it can still show the old value.
   */
  override async toggle() {
    if (this.isLit()) await this.off();
    else await this.on();
  }

  /**
   * Spec: discarded while GlobalSceneControl is TRUE; else the global scene is recalled. The only
   * scene attribute here is OnOff and matter.js switches on after the recall anyway, so this is an
   * On through the guard; a refusal fails the command and leaves GlobalSceneControl FALSE.
   */
  override async onWithRecallGlobalScene() {
    if (this.state.globalSceneControl) return;
    await this.startSession();
    this.state.globalSceneControl = true; // also when it was on already
  }

  /** A recalled scene's OnOff value, applied now: "on" through the guard, "off" at once. */
  async applyScene(on: boolean) {
    // Called from the Scenes command, whose transaction has not locked this state yet: lock it now, as
    // the OnOff commands do, so the controller's changes reach this endpoint after this command.
    await this.context.transaction.addResources(this);
    await this.context.transaction.begin();
    if (on) await this.startSession(undefined, SCENE);
    else await this.switchOff(SCENE);
  }

  override async onWithTimedOff({ onOffControl, onTime }: OnOff.OnWithTimedOffRequest) {
    const on = this.isLit();
    if (onOffControl.acceptOnlyWhenOn && !on) return;
    // While on, the spec would raise OnTime to the larger value: a dose session is never extended.
    if (on) return;
    const held = onTime === 0 || onTime === 0xffff;
    await this.startSession(held ? undefined : Math.ceil(onTime / 10));
  }

  /**
   * Stops the panel's session, if it is what this endpoint reads on for (a region switch leaves another
   * region's session alone), and cancels a start of it still being set up (the panel's: any; a region
   * switch's: only that region's), so the Off wins over an On that has not switched anything on yet.
   */
  private async switchOff(reason: string) {
    const { controller, panelId } = this.panel;
    const region = this.region;
    await controller.stop(panelId, reason, region === undefined ? {} : { region });
    if (this.state.onOff) this.invalidateScenes();
    this.showSession();
  }

  private async startSession(seconds?: number, source = MATTER) {
    if (this.isLit()) return; // On while on changes nothing
    const { controller, panelId } = this.panel;
    const region = this.region ?? controller.currentRegion(panelId);
    // Another session on the panel (another region's, say) is the guard's PANEL_BUSY refusal.
    const outcome = await controller.start({ region, panelId, ...(seconds !== undefined ? { seconds } : {}) }, source);
    if (!outcome.ok) throw refusalError(outcome.refusal);
    if (!this.state.onOff) this.invalidateScenes();
    this.state.globalSceneControl = true;
    this.state.offWaitTime = 0;
    // A stop that arrived while the relay was switching on has already won: the endpoint reads off.
    this.showSession();
  }

  /** As matter.js's on()/off() do: a change of OnOff ends the validity of the last recalled scene. */
  private invalidateScenes() {
    this.agent.maybeGet(ScenesManagementServer)?.makeAllFabricSceneInfoEntriesInvalid();
  }

  /**
   * OnOff is the session (starting or on): an Off reads off at once, even while the switch-off is
   * still being retried (the API's `state` says "stopping" then). OnTime is the time left, counted
   * down once a second while on; the controller's deadline, not this read-out, switches the panel off.
   */
  private showSession() {
    const on = this.isLit();
    this.state.onOff = on;
    this.state.onTime = tenths(on ? this.panel.controller.remainingSeconds(this.panel.panelId) : 0);
    const { readOut } = this.internal;
    if (!on) readOut?.stop();
    else if (!readOut?.isRunning) readOut?.start();
  }

  /** The controller changed the panel's session or reachability. */
  private async panelChanged(reachable: boolean) {
    this.showSession();
    const info = await this.agent.load(BridgedDeviceBasicInformationServer);
    if (info.state.reachable === reachable) return;
    await this.context.transaction.addResources(info);
    info.state.reachable = reachable;
  }

  /**
   * A controller's write to OnTime: a time shorter than the one left shortens the session; 0, 0xFFFF
   * or a longer time cannot hold or extend it (nor can any write while this endpoint reads off).
   * Either way the read-out is then restored, in the bridge's own context. The write's context tells
   * a controller's write from the bridge's own updates, whatever the value.
   */
  private onTimeWritten(value: number | null, _previous: number | null, context?: ActionContext) {
    if (!isControllerWrite(context)) return;
    if (value !== null && value > 0 && value < tenths(this.remainingSeconds()))
      this.panel.controller.shorten(this.panel.panelId, value / 10);
    this.internal.refresh?.();
  }
}

export namespace GuardedOnOffServer {
  export class Internal extends OnOffBaseServer.Internal {
    /** Ends this endpoint's subscription to the controller's changes. */
    unsubscribe?: () => void;
    /** Rewrites OnOff and the OnTime read-out from the controller, in a local context with this state locked. */
    refresh?: () => void;
    /** Calls refresh once a second while the endpoint reads on. */
    readOut?: Timer;
  }
}

/** The scene apply callback registered for a guarded OnOff: GuardedScenesServer applies OnOff itself. */
function ignoreSceneValues() {}

/**
 * Scenes Management as On/Off Plug-in Unit and On/Off Light require it (CopyScene mandatory; the
 * two device types alter it identically). RecallScene applies the scene's OnOff value through the
 * endpoint's GuardedOnOffServer before matter.js records the scene as current; the transition time
 * is ignored.
 */
export class GuardedScenesServer extends OnOffPlugInUnitRequirements.ScenesManagementServer {
  override async recallScene(request: ScenesManagement.RecallSceneRequest) {
    const { groupId, sceneId, transitionTime } = request;
    // Out-of-range ids and times, unknown groups and scenes: matter.js's recallScene throws the status.
    const valid = sceneId <= 254 && (transitionTime ?? 0) <= 60_000_000;
    const scene = valid ? await this.viewScene({ groupId, sceneId }) : undefined;
    if (scene?.status === Status.Success) {
      const on = onOffOf(scene.extensionFieldSetStructs ?? []);
      if (on !== undefined) await this.agent.get(GuardedOnOffServer).applyScene(on);
    }
    await super.recallScene(request);
  }
}

/** The OnOff value in a scene's extension field sets, if it has one. */
function onOffOf(fieldSets: ScenesManagement.ExtensionFieldSet[]): boolean | undefined {
  const value = fieldSets
    .find((set) => set.clusterId === OnOff.Cluster.id)
    ?.attributeValueList.find((pair) => pair.attributeId === OnOff.Cluster.attributes.onOff.id)?.valueUnsigned8;
  return value === undefined ? undefined : value === 1;
}
