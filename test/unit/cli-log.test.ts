/** The bridge's log (text and JSON, one line per event), matter.js's logger routed into it, busy-port lines, the version. */
import { describe, expect, it } from "@jest/globals";
import { AddressInUseError, Diagnostic, Logger } from "@matter/main";
import { busyPortOf } from "../../matter-bridge/cli/ports.js";
import { routeMatterLogs } from "../../matter-bridge/matter/matter-log.js";
import { createLog, oneLine } from "../../matter-bridge/support/log.js";
import { matterSoftwareVersion, VERSION } from "../../matter-bridge/version.js";

const sink = () => {
  const lines: string[] = [];
  return { lines, write: (t: string) => lines.push(t) };
};
const at = () => new Date("2026-01-02T03:04:05.678Z");

describe("bridge log", () => {
  it("text: one line per event, stack traces folded, warnings and errors on stderr", () => {
    const [out, err] = [sink(), sink()];
    const log = createLog("text", { stdout: out, stderr: err, now: at });
    log("[panel-1] OFF (simulated)");
    log("  indented stays indented");
    log.event("error", "Unexpected error: Error: boom\n    at a (x.ts:1:1)\n    at b (y.ts:2:2)\n");
    expect(out.lines).toEqual(["[panel-1] OFF (simulated)\n", "  indented stays indented\n"]);
    expect(err.lines).toEqual(["Unexpected error: Error: boom | at a (x.ts:1:1) | at b (y.ts:2:2)\n"]);
    expect(oneLine("a\r\n\r\nb")).toBe("a | b");
  });

  it("json: {time, level, msg, ...fields} per line on stdout, line breaks escaped, fields never overwrite the three", () => {
    const [out, err] = [sink(), sink()];
    const log = createLog("json", { stdout: out, stderr: err, now: at });
    log("plain");
    log.event("fatal", "two\nlines", { exitCode: 1, level: "info", big: 10n, cause: new Error("why") });
    expect(err.lines).toEqual([]);
    expect(out.lines.every((l) => l.endsWith("\n") && !l.slice(0, -1).includes("\n"))).toBe(true);
    const [a, b] = out.lines.map((l) => JSON.parse(l));
    expect(a).toEqual({ time: "2026-01-02T03:04:05.678Z", level: "info", msg: "plain" });
    expect(b).toMatchObject({ level: "fatal", msg: "two\nlines", exitCode: 1, big: "10", cause: expect.stringMatching(/^Error: why/) });
  });

  it("routes matter.js's logger through the bridge log, with its level and facility", () => {
    const out = sink();
    routeMatterLogs(createLog("json", { stdout: out, now: at }));
    Logger.get("TestFacility").warn("something odd:", Diagnostic.dict({ port: 5540 }));
    const event = JSON.parse(out.lines.at(-1)!);
    expect(event).toMatchObject({ level: "warn", source: "matter.js", facility: "TestFacility" });
    expect(event.msg).toMatch(/something odd: port: 5540/);

    const text = sink();
    routeMatterLogs(createLog("text", { stdout: sink(), stderr: text }));
    Logger.get("TestFacility").error("bad");
    expect(text.lines).toEqual(["matter.js ERROR TestFacility: bad\n"]);
  });
});

describe("busy ports", () => {
  const opts = { matterPort: 5540, apiPort: 8787, apiHost: "127.0.0.1" };
  it("maps a bind that failed during start-up to the same one line naming the flag", () => {
    const matter = busyPortOf(new AddressInUseError("Cannot bind {::}:5540 because port is already in use"), opts);
    expect(matter).toMatch(/UDP port 5540 .*--matter-port N.*Alexa only finds Matter devices on UDP 5540/);
    expect(matter).not.toMatch(/\n/);
    const cause = Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" });
    const api = busyPortOf(new Error("Control API cannot listen on 127.0.0.1:8787: is already in use", { cause }), opts);
    expect(api).toMatch(/TCP port 8787 on 127\.0\.0\.1 .*--api-port N/);
    // Another port (matter.js's mDNS on 5353) or another error is not mistaken for either.
    expect(busyPortOf(new AddressInUseError("Cannot bind {::}:5353 because port is already in use"), opts)).toBeUndefined();
    expect(busyPortOf(new Error("disk full"), opts)).toBeUndefined();
  });
});

describe("version", () => {
  it("is package.json's, packed for Matter's SoftwareVersion, never 0", () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(matterSoftwareVersion("0.1.0")).toBe(256);
    expect(matterSoftwareVersion("1.2.3")).toBe(0x010203);
    expect(matterSoftwareVersion("0.0.0")).toBe(1);
    expect(matterSoftwareVersion("0.1.10")).toBeGreaterThan(matterSoftwareVersion("0.1.9"));
  });
});
