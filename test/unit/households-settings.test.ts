/** The settings of households: the skill's HOUSEHOLDS environment and `biolight-bridge link`'s arguments, refused with a clear reason. */
import { describe, expect, it } from "@jest/globals";
import { parseSkillEnv } from "../../lambda/entry/env.js";
import { linkCommand } from "../../matter-bridge/cli/link-command.js";
import { freeTcpPort } from "../helpers/ports.js";

describe("HOUSEHOLDS", () => {
  const mqtt = { BRIDGE_LINK: "mqtt", MQTT_URL: "ws://127.0.0.1:1/mqtt" };
  it("defaults to single, where BRIDGE_THING is still required with mqtt", () => {
    expect(parseSkillEnv({ ...mqtt, BRIDGE_THING: "home-1" }).HOUSEHOLDS).toBe("single");
    expect(() => parseSkillEnv(mqtt)).toThrow(/BRIDGE_THING: is required when BRIDGE_LINK=mqtt/);
  });
  it("dynamodb needs its table and the MQTT link, but no BRIDGE_THING", () => {
    expect(parseSkillEnv({ ...mqtt, HOUSEHOLDS: "dynamodb", HOUSEHOLDS_TABLE: "households" })).toMatchObject({
      HOUSEHOLDS: "dynamodb",
      HOUSEHOLDS_TABLE: "households",
    });
    expect(() => parseSkillEnv({ ...mqtt, HOUSEHOLDS: "dynamodb" })).toThrow(/HOUSEHOLDS_TABLE: is required when HOUSEHOLDS=dynamodb/);
    expect(() => parseSkillEnv({ HOUSEHOLDS: "dynamodb", HOUSEHOLDS_TABLE: "households" })).toThrow(
      /BRIDGE_LINK: must be mqtt when HOUSEHOLDS=dynamodb/,
    );
    expect(() => parseSkillEnv({ HOUSEHOLDS: "many" })).toThrow(/HOUSEHOLDS: must be "single" or "dynamodb"/);
  });
});

describe("biolight-bridge link <code>", () => {
  const runLink = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await linkCommand(
      argv,
      env,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  it("refuses anything but six digits, and unknown flags, with exit 2 and the usage", async () => {
    for (const argv of [[], ["12345"], ["1234567"], ["12a456"]]) {
      const r = await runLink(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Usage: biolight-bridge link <code>/);
    }
    expect((await runLink(["12345"])).err).toMatch(/^"12345" is not a link code: it must be the 6 digits Alexa said\./);
    const flag = await runLink(["123456", "--nope"]);
    expect([flag.code, flag.err]).toEqual([2, expect.stringMatching(/^Unknown flag --nope\n\nUsage: biolight-bridge link/)]);
  });
  it("says when no bridge answers (exit 1)", async () => {
    const port = await freeTcpPort();
    const r = await runLink(["123456", "--api-port", String(port)], { BRIDGE_API_TOKEN: "x".repeat(32) });
    expect([r.code, r.err]).toEqual([
      1,
      `No bridge answers at http://127.0.0.1:${port}/v1/alexa/link: start it first (npm start), or give its --api-host/--api-port.`,
    ]);
  });
});
