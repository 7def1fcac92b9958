import type { Endpoint } from "@matter/main";
import type { SessionController } from "../sessions/controller.js";

/** Which controller and panel an endpoint's behaviours act for (set before the endpoint is added). */
export interface PanelBinding {
  controller: SessionController;
  panelId: string;
}

const bindings = new WeakMap<Endpoint, PanelBinding>();

export function bindPanel(endpoint: Endpoint, binding: PanelBinding): void {
  bindings.set(endpoint, binding);
}

export function bindingOf(endpoint: Endpoint): PanelBinding {
  const b = bindings.get(endpoint);
  if (!b) throw new Error(`endpoint ${endpoint.id} is not bound to a panel`);
  return b;
}

/** OnTime read-out: remaining time in tenths of a second, within the attribute's range. */
export const tenths = (seconds: number): number => Math.min(0xfffe, Math.max(0, Math.ceil(seconds * 10)));
