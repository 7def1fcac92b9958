/**
 * The panel's OnOff and Scenes Management clusters. Every way a Matter controller can switch it on
 * (On, Toggle, OnWithTimedOff, OnWithRecallGlobalScene, RecallScene) becomes a request to the session
 * controller, which asks the dose guard. The controller's deadline, not the cluster's 100 ms tick,
 * switches the panel off; OnTime is only a read-out of the time left.
 *
 * Scenes Management is mandatory for On/Off Plug-in Units and On/Off Lights, so it stays. matter.js
 * applies a scene's OnOff value through a callback OnOffServer registers: with a transition time it
 * arms a timer that calls on() when the transition ends, cancels that timer only when OnOff changes
 * (so an Off while already off leaves it armed), and logs and swallows a rejected on(), so the
 * controller sees success. Here no such callback is registered: PanelScenesServer.recallScene
 * applies the OnOff value itself, at once (a panel has no fade), and a refusal is the command's status.
 */
import { OnOffServer } from "@matter/main/behaviors/on-off";
import { ScenesManagementServer } from "@matter/main/behaviors/scenes-management";
import { OnOff } from "@matter/main/clusters/on-off";
import type { ScenesManagement } from "@matter/main/clusters/scenes-management";
import { OnOffPlugInUnitRequirements } from "@matter/main/devices/on-off-plug-in-unit";
import { Status, StatusResponse } from "@matter/main/types";
import { bindingOf, tenths } from "./panel-binding.js";

/** Start/stop sources in the ledger for scene recalls. */
const SCENE = "matter-scene";

export class PanelOnOffServer extends OnOffServer.with(OnOff.Feature.Lighting) {
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
    // PanelScenesServer's job; with any other Scenes server a recall leaves the panel as it is.
    if (this.agent.has(ScenesManagementServer)) this.agent.get(ScenesManagementServer).implementScenes(this, ignoreSceneValues);
  }

  override async on() {
    await this.startSession();
  }

  override async off() {
    await this.switchOff("matter-off");
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
    // the OnOff commands do, so the endpoint update the controller publishes waits for this command.
    await this.context.transaction.addResources(this);
    await this.context.transaction.begin();
    if (on) await this.startSession(undefined, SCENE);
    else await this.switchOff(SCENE);
  }

  override async onWithTimedOff({ onOffControl, onTime }: OnOff.OnWithTimedOffRequest) {
    const { controller, panelId } = bindingOf(this.endpoint);
    const on = controller.isOn(panelId);
    if (onOffControl.acceptOnlyWhenOn && !on) return;
    // While on, the spec would raise OnTime to the larger value: a dose session is never extended.
    if (on) return;
    const held = onTime === 0 || onTime === 0xffff;
    await this.startSession(held ? undefined : Math.ceil(onTime / 10));
  }

  private async switchOff(reason: string) {
    const { controller, panelId } = bindingOf(this.endpoint);
    await controller.stop(panelId, reason);
    if (this.state.onOff) this.invalidateScenes();
    this.state.onOff = false;
    this.state.onTime = 0;
  }

  private async startSession(seconds?: number, source = "matter") {
    const { controller, panelId } = bindingOf(this.endpoint);
    if (controller.isOn(panelId)) return; // On while on changes nothing
    const region = controller.currentRegion(panelId);
    const outcome = await controller.start({ region, panelId, ...(seconds !== undefined ? { seconds } : {}) }, source);
    if (!outcome.ok) {
      const { code, message, retryAfterSeconds } = outcome.refusal;
      const retry = retryAfterSeconds !== undefined ? ` Retry in ${retryAfterSeconds} s.` : "";
      throw new StatusResponse.FailureError(`${code}: ${message}${retry}`);
    }
    if (!this.state.onOff) this.invalidateScenes();
    // A stop that arrived while the relay was switching on has already won: the panel reads off.
    this.state.onOff = controller.isOn(panelId);
    this.state.globalSceneControl = true;
    this.state.offWaitTime = 0;
    this.state.onTime = tenths(controller.remainingSeconds(panelId));
  }

  /** As matter.js's on()/off() do: a change of OnOff ends the validity of the last recalled scene. */
  private invalidateScenes() {
    this.agent.maybeGet(ScenesManagementServer)?.makeAllFabricSceneInfoEntriesInvalid();
  }

  /**
   * A write to OnTime may shorten the session; 0, 0xFFFF or a longer time cannot hold or extend it,
   * so the read-out is restored. Our own read-outs are never below the truth (rounded up, and time
   * only runs down), so a value clearly below it is a controller asking for less.
   */
  private onTimeWritten(value: number | null) {
    const { controller, panelId } = bindingOf(this.endpoint);
    if (!controller.isOn(panelId)) {
      if (value !== 0) this.state.onTime = 0;
      return;
    }
    const truth = tenths(controller.remainingSeconds(panelId));
    const shorter = value !== null && value > 0 && value < truth - 2;
    const ours = value !== null && value >= truth - 2 && value <= truth + 15;
    if (ours) return;
    if (shorter) controller.shorten(panelId, value / 10);
    this.state.onTime = tenths(controller.remainingSeconds(panelId));
  }
}

/** The scene apply callback registered for the panel's OnOff: PanelScenesServer applies OnOff itself. */
function ignoreSceneValues() {}

/**
 * Scenes Management as On/Off Plug-in Unit and On/Off Light require it (CopyScene mandatory; the
 * two device types alter it identically). RecallScene applies the scene's OnOff value through
 * PanelOnOffServer before matter.js records the scene as current; the transition time is ignored.
 */
export class PanelScenesServer extends OnOffPlugInUnitRequirements.ScenesManagementServer {
  override async recallScene(request: ScenesManagement.RecallSceneRequest) {
    const { groupId, sceneId, transitionTime } = request;
    // Out-of-range ids and times, unknown groups and scenes: matter.js's recallScene throws the status.
    const valid = sceneId <= 254 && (transitionTime ?? 0) <= 60_000_000;
    const scene = valid ? await this.viewScene({ groupId, sceneId }) : undefined;
    if (scene?.status === Status.Success) {
      const on = onOffOf(scene.extensionFieldSetStructs ?? []);
      if (on !== undefined) await this.agent.get(PanelOnOffServer).applyScene(on);
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
