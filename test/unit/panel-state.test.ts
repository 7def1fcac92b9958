/** A panel's state machine: only the steps in its table, each published once, a stop legal from every session state. */
import { describe, expect, it } from "@jest/globals";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { Deadline } from "../../matter-bridge/sessions/deadline.js";
import { IllegalTransitionError, Panel, type PanelPhase, type PanelSession } from "../../matter-bridge/sessions/panel.js";
import { session as entry, makeConfig } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";

const clock = new FakeClock(Date.now());

function panel() {
  const config = makeConfig().panels[0];
  const shown: string[] = [];
  const relay = { offRetryMs: 10, maxSessionSeconds: 600, clock, log: () => {} };
  const p = Panel.create(config, new SimulatedDriver(config.id, { log: () => {} }), relay, (changed) => shown.push(changed.shownState));
  const session: PanelSession = {
    entry: entry("mid-back", 0, 60),
    startedMono: clock.monotonic(),
    deadline: new Deadline(clock, Number.MAX_SAFE_INTEGER, () => {}),
  };
  const stopping = (): PanelPhase => ({ kind: "stopping", session, reason: "stopped", neverOn: false, done: new Promise(() => {}) });
  return { p, shown, session, stopping };
}

describe("a panel's state", () => {
  it("goes off → granted → switching-on → on → stopping → off, publishing what the API can see change", () => {
    const { p, shown, session, stopping } = panel();
    p.transition({ kind: "granted", session });
    p.transition({ kind: "switching-on", session, answered: Promise.resolve() });
    p.transition({ kind: "on", session });
    p.transition(stopping());
    p.transition({ kind: "off" });
    // granted → switching-on shows nothing new: not published.
    expect(shown).toEqual(["starting", "on", "stopping", "off"]);
  });

  it("throws on a step it does not have (a bug), and stays where it was", () => {
    const { p, session, stopping } = panel();
    expect(() => p.transition({ kind: "on", session })).toThrow(IllegalTransitionError);
    expect(() => p.transition(stopping())).toThrow(/no step from off to stopping/);
    p.transition({ kind: "pressed" });
    expect(() => p.transition({ kind: "granted", session })).toThrow(IllegalTransitionError);
    expect(p.state.kind).toBe("pressed");
  });

  it("a stop is a step from every state a session is in, and only for that session", () => {
    for (const upTo of ["granted", "switching-on", "on"] as const) {
      const { p, session, stopping } = panel();
      p.transition({ kind: "granted", session });
      if (upTo !== "granted") p.transition({ kind: "switching-on", session, answered: Promise.resolve() });
      if (upTo === "on") p.transition({ kind: "on", session });
      const other = { ...session };
      expect(() => p.transition({ kind: "stopping", session: other, reason: "x", neverOn: false, done: new Promise(() => {}) })).toThrow(
        /another session/,
      );
      p.transition(stopping());
      expect(p.state.kind).toBe("stopping");
    }
  });

  it("each step is a new state object: one read before an await tells whether anything happened since", () => {
    const { p } = panel();
    const before = p.state;
    p.transition({ kind: "pressed" });
    p.transition({ kind: "off" });
    expect(p.state.kind).toBe(before.kind);
    expect(p.state).not.toBe(before);
  });
});
