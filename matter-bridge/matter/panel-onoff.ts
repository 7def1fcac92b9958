/**
 * The panel's OnOff cluster. Every way a Matter controller can switch it on (On, Toggle,
 * OnWithTimedOff, OnWithRecallGlobalScene, scene recall) becomes a request to the session
 * controller, which asks the dose guard. The controller's deadline, not the cluster's 100 ms tick,
 * switches the panel off; OnTime is only a read-out of the time left.
 */
import { OnOffServer } from "@matter/main/behaviors/on-off";
import { OnOff } from "@matter/main/clusters/on-off";
import { StatusResponse } from "@matter/main/types";
import { bindingOf, tenths } from "./panel-binding.js";

export class PanelOnOffServer extends OnOffServer.with(OnOff.Feature.Lighting) {
  override initialize() {
    super.initialize();
    // The hardware was switched off at start-up; a persisted "on" must not survive a restart.
    this.state.onOff = false;
    this.state.onTime = 0;
    this.state.offWaitTime = 0;
    this.reactTo(this.events.onTime$Changed, this.onTimeWritten);
  }

  override async on() {
    await this.startSession();
  }

  override async off() {
    const { controller, panelId } = bindingOf(this.endpoint);
    await controller.stop(panelId, "matter-off");
    this.state.onOff = false;
    this.state.onTime = 0;
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

  private async startSession(seconds?: number) {
    const { controller, panelId } = bindingOf(this.endpoint);
    if (controller.isOn(panelId)) return; // On while on changes nothing
    const region = controller.currentRegion(panelId);
    const outcome = await controller.start({ region, panelId, ...(seconds !== undefined ? { seconds } : {}) }, "matter");
    if (!outcome.ok) {
      const { code, message, retryAfterSeconds } = outcome.refusal;
      const retry = retryAfterSeconds !== undefined ? ` Retry in ${retryAfterSeconds} s.` : "";
      throw new StatusResponse.FailureError(`${code}: ${message}${retry}`);
    }
    this.state.onOff = true;
    this.state.globalSceneControl = true;
    this.state.offWaitTime = 0;
    this.state.onTime = tenths(controller.remainingSeconds(panelId));
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
