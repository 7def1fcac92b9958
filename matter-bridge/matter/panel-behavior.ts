/**
 * Which panel a bridged endpoint stands for, and the way to the session controller that decides
 * about it. The panel id is this behaviour's state (set when the endpoint is created); the
 * controller is a service of the node's environment (`node.env.set(SessionController, controller)`),
 * so every behaviour on every panel endpoint reaches the same one.
 */
import { Behavior, ImplementationError } from "@matter/main";
import { SessionController } from "../sessions/controller.js";

export class PanelBehavior extends Behavior {
  static override readonly id = "panel";
  declare state: PanelBehavior.State;

  override initialize() {
    if (!this.state.panelId) throw new ImplementationError(`${this.endpoint} has no panel id`);
  }

  get panelId(): string {
    return this.state.panelId;
  }

  get controller(): SessionController {
    return this.env.get(SessionController);
  }
}

export namespace PanelBehavior {
  export class State {
    /** The panel's id in the bridge's config. */
    panelId = "";
  }
}
