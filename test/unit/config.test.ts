import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { jsonMistake } from "../../matter-bridge/config/json-error.js";
import { ConfigError, loadConfig, matterEnvProblem, parseCli, parseConfig } from "../../matter-bridge/config/load.js";
import { regionSwitchName } from "../../matter-bridge/contract/config.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const panel = { id: "panel-1", name: "Panel" };
const errorOf = (json: unknown): string => {
  try {
    parseConfig(json);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected the config to be refused");
};

describe("config file", () => {
  it("fills every default from the design for a minimal panel", () => {
    const cfg = parseConfig({ panels: [panel] });
    expect(cfg.panels[0]).toEqual({
      ...panel,
      deviceType: "outlet",
      driver: { kind: "simulated" },
      defaultRegion: "low-back-hips",
      distanceCm: 30,
      irradianceMwPerCm2: { "15": 60, "30": 24, "45": 14, "60": 10 },
      regionSwitches: false,
    });
    expect(cfg.dose).toEqual({
      maxSessionSeconds: 1200,
      maxSessionFluenceJPerCm2: 40,
      maxRegionFluencePer24hJPerCm2: 40,
      minRestSameRegionSeconds: 43200,
      maxOnSecondsPer24h: 2700,
      maxSessionsPerRegionPer7d: 7,
      maxIrradianceMwPerCm2: 100,
      minSessionSeconds: 60,
    });
  });

  it("accepts the DESIGN example and second-scale limits down to 1 s / 0.001 J/cm²", () => {
    const cfg = parseConfig({
      panels: [{ ...panel, deviceType: "light", driver: { kind: "shelly", url: "http://192.0.2.10", switchId: 0 } }],
      dose: {
        maxSessionSeconds: 1,
        maxSessionFluenceJPerCm2: 0.001,
        maxRegionFluencePer24hJPerCm2: 0.001,
        minRestSameRegionSeconds: 1,
        maxOnSecondsPer24h: 1,
        maxSessionsPerRegionPer7d: 1,
        maxIrradianceMwPerCm2: 100,
        minSessionSeconds: 1,
      },
      regions: { "low-back-hips": { defaultSeconds: 1 } },
    });
    expect(cfg.dose.maxSessionFluenceJPerCm2).toBe(0.001);
    expect(cfg.panels[0].driver).toEqual({ kind: "shelly", url: "http://192.0.2.10", switchId: 0, timeoutMs: 2000 });
  });

  it.each([
    [
      "an unknown key, with the allowed ones",
      { panels: [panel], dose: { maxSesionSeconds: 5 } },
      /dose\.maxSesionSeconds: unknown key \(allowed: maxSessionSeconds/,
    ],
    [
      "an unknown top-level key",
      { panels: [panel], extras: 1 },
      /extras: unknown key \(allowed: panels, people, dose, regions, retired, cloud\)/,
    ],
    ["a wrong type", { panels: [{ ...panel, distanceCm: "30" }] }, /panels\[0\]\.distanceCm: .*expected number/],
    ["a negative cap", { panels: [panel], dose: { maxOnSecondsPer24h: -1 } }, /dose\.maxOnSecondsPer24h: must be at least 1 second/],
    [
      "a fluence cap below 0.001",
      { panels: [panel], dose: { maxRegionFluencePer24hJPerCm2: 0 } },
      /maxRegionFluencePer24hJPerCm2: must be at least 0\.001/,
    ],
    [
      "an unknown region in regions",
      { panels: [panel], regions: { knees: { defaultSeconds: 60 } } },
      /regions\.knees: unknown key \(allowed: neck-shoulders, mid-back, low-back-hips\)/,
    ],
    [
      "an unknown default region",
      { panels: [{ ...panel, defaultRegion: "feet" }] },
      /panels\[0\]\.defaultRegion: must be one of: neck-shoulders, mid-back, low-back-hips/,
    ],
    [
      "an unknown driver kind",
      { panels: [{ ...panel, driver: { kind: "zigbee" } }] },
      /panels\[0\]\.driver\.kind: .*"simulated", "shelly"/,
    ],
    ["a shelly driver without a url", { panels: [{ ...panel, driver: { kind: "shelly" } }] }, /panels\[0\]\.driver\.url/],
    [
      "a shelly url that is not http",
      { panels: [{ ...panel, driver: { kind: "shelly", url: "ftp://x" } }] },
      /driver\.url: must start with http/,
    ],
    ["an unknown device type", { panels: [{ ...panel, deviceType: "fan" }] }, /panels\[0\]\.deviceType/],
    ["no panels", { panels: [] }, /panels: needs at least one panel/],
    ["a duplicate panel id", { panels: [panel, panel] }, /panels\[1\]\.id: duplicate panel id/],
    ["a bad panel id", { panels: [{ ...panel, id: "Panel One" }] }, /panels\[0\]\.id: must be lowercase/],
    ["empty people", { panels: [panel], people: [] }, /people: needs at least one person/],
    [
      "a duplicate person id",
      {
        panels: [panel],
        people: [
          { id: "anna", name: "Anna" },
          { id: "anna", name: "Ann" },
        ],
      },
      /people\[1\]\.id: duplicate person id "anna"/,
    ],
    ["a bad person id", { panels: [panel], people: [{ id: "Anna", name: "Anna" }] }, /people\[0\]\.id: must be lowercase/],
    [
      "an unknown key on a person",
      { panels: [panel], people: [{ id: "anna", name: "Anna", age: 40 }] },
      /people\[0\]\.age: unknown key \(allowed: id, name, formerIds\)/,
    ],
    [
      "a defaultPerson who is not one of the people",
      {
        panels: [{ ...panel, defaultPerson: "carl" }],
        people: [
          { id: "anna", name: "Anna" },
          { id: "ben", name: "Ben" },
        ],
      },
      /panels\[0\]\.defaultPerson: must be one of the people: anna, ben/,
    ],
    [
      "a non-positive irradiance",
      { panels: [{ ...panel, irradianceMwPerCm2: { "30": 0 } }] },
      /irradianceMwPerCm2\.30: irradiance must be > 0/,
    ],
    [
      "a minimum above the maximum session",
      { panels: [panel], dose: { minSessionSeconds: 100, maxSessionSeconds: 50 } },
      /dose\.minSessionSeconds: must not exceed/,
    ],
  ])("refuses %s, naming the field", (_what, json, pattern) => {
    expect(errorOf(json)).toMatch(pattern);
  });

  describe("ids that change", () => {
    const anna = { id: "anna-k", name: "Anna", formerIds: ["anna"] };
    const ben = { id: "ben", name: "Ben" };
    const shelly = (id: string, url: string, switchId?: number) => ({
      id,
      name: id,
      driver: { kind: "shelly", url, ...(switchId !== undefined ? { switchId } : {}) },
    });

    it("takes former ids on people and panels and retired ids, and keeps them", () => {
      const cfg = parseConfig({
        panels: [{ ...panel, formerIds: ["bedroom"] }],
        people: [anna, ben],
        retired: { people: ["carl"], panels: ["garage"] },
      });
      expect(cfg.people[0].formerIds).toEqual(["anna"]);
      expect(cfg.panels[0].formerIds).toEqual(["bedroom"]);
      expect(cfg.retired).toEqual({ people: ["carl"], panels: ["garage"] });
      expect(parseConfig({ panels: [panel] }).retired).toEqual({ people: [], panels: [] });
    });

    it.each([
      [
        "a person's former id that is a current person's id",
        { panels: [panel], people: [{ ...anna, formerIds: ["ben"] }, ben] },
        /people\[0\]\.formerIds\[0\]: "ben" is the id of people\[1\] now/,
      ],
      [
        "a person's own id among their former ids",
        { panels: [panel], people: [{ ...anna, formerIds: ["anna-k"] }] },
        /people\[0\]\.formerIds\[0\]: "anna-k" is the id of people\[0\] now/,
      ],
      [
        "a former id given to two people",
        { panels: [panel], people: [anna, { ...ben, formerIds: ["anna"] }] },
        /people\[1\]\.formerIds\[0\]: "anna" is already a former id of people\[0\] \("anna-k"\)/,
      ],
      [
        "a former id listed twice",
        { panels: [panel], people: [{ ...anna, formerIds: ["anna", "anna"] }] },
        /people\[0\]\.formerIds\[1\]: "anna" is already a former id of people\[0\]/,
      ],
      [
        "a retired person who is someone's former id",
        { panels: [panel], people: [anna], retired: { people: ["anna"] } },
        /retired\.people\[0\]: "anna" is already a former id of people\[0\]/,
      ],
      [
        "a retired person who is a current person",
        { panels: [panel], people: [anna, ben], retired: { people: ["ben"] } },
        /retired\.people\[0\]: "ben" is the id of people\[1\] now/,
      ],
      [
        "a panel's former id that is a current panel's id",
        { panels: [panel, { id: "panel-2", name: "Two", formerIds: ["panel-1"] }] },
        /panels\[1\]\.formerIds\[0\]: "panel-1" is the id of panels\[0\] now/,
      ],
      [
        "a retired panel that is a panel's former id",
        { panels: [{ ...panel, formerIds: ["bedroom"] }], retired: { panels: ["bedroom"] } },
        /retired\.panels\[0\]: "bedroom" is already a former id of panels\[0\]/,
      ],
      ["an unknown key in retired", { panels: [panel], retired: { rooms: [] } }, /retired\.rooms: unknown key \(allowed: people, panels\)/],
      [
        "two panels on one relay",
        { panels: [shelly("bedroom", "http://192.0.2.10"), shelly("office", "http://192.0.2.10", 0)] },
        /panels\[1\]\.driver: panels "bedroom" and "office" both name the relay http:\/\/192\.0\.2\.10 switch 0/,
      ],
      [
        "two panels on one relay written differently (case, default port, trailing slash)",
        { panels: [shelly("bedroom", "http://Shelly-Bedroom.local/", 1), shelly("office", "HTTP://shelly-bedroom.LOCAL:80", 1)] },
        /panels\[1\]\.driver: panels "bedroom" and "office" both name the relay http:\/\/shelly-bedroom\.local switch 1/,
      ],
    ])("refuses %s, naming the field", (_what, json, pattern) => {
      expect(errorOf(json)).toMatch(pattern);
    });

    it("takes two channels of one relay, and one host on two ports, as two panels", () => {
      const cfg = parseConfig({
        panels: [shelly("a", "http://192.0.2.10", 0), shelly("b", "http://192.0.2.10", 1), shelly("c", "http://192.0.2.10:8080", 0)],
      });
      expect(cfg.panels.map((p) => p.id)).toEqual(["a", "b", "c"]);
    });
  });

  const tempDir = tempDirs("biolight-config-");
  it("reads a file, and says which file is missing or not JSON", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "ok.json"), JSON.stringify({ panels: [panel] }));
    await writeFile(join(dir, "bad.json"), "{ panels: ");
    expect((await loadConfig(join(dir, "ok.json"))).panels[0].id).toBe("panel-1");
    await expect(loadConfig(join(dir, "bad.json"))).rejects.toThrow(/bad\.json is not valid JSON/);
    await expect(loadConfig(join(dir, "missing.json"))).rejects.toThrow(/Cannot read config file .*missing\.json/);
    expect((await loadConfig()).panels).toHaveLength(1);
  });

  it("names the line and column of a JSON mistake, and what it expected there", async () => {
    const dir = await tempDir();
    const file = join(dir, "bridge.json");
    const cases: Array<[string, string]> = [
      ['{\n  "panels": [\n    { "id": "panel-1" "name": "P" }\n  ]\n}', "line 3, column 23: expected ',' or '}', found '\"'"],
      ['{\n  "dose": { "maxSessionSeconds": 600, },\n}', "line 2, column 39: expected another key after ',' (a trailing comma), found '}'"],
      [
        '{\n  "panels": [\n',
        "line 3, column 1: expected a value (a string, number, true, false, null, an object or a list), found the end of the file",
      ],
      ["{ panels: [] }", "line 1, column 3: expected a key in double quotes, found 'p'"],
      ['{ "a": tru }', "line 1, column 8: expected a value (a string, number, true, false, null, an object or a list), found 't'"],
      ['{ "a": 1 } x', "line 1, column 12: expected nothing more after the end of the JSON, found 'x'"],
      ['{ "a": "open }', "line 1, column 15: a string that is never closed (a missing '\"')"],
    ];
    for (const [text, where] of cases) {
      await writeFile(file, text);
      await expect(loadConfig(file)).rejects.toThrow(`Config file ${file} is not valid JSON: ${where}`);
    }
  });

  it("finds no mistake in valid JSON of every shape", () => {
    for (const text of ['{"a":[1,-2.5,3e2,true,false,null,"x\\u00e9\\n"],"b":{}}', "[]", ' "s" ', "0"]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonMistake(text)).toBeUndefined();
    }
  });

  it("refuses a number written with an exponent in the file, naming the field's path and the plain way to write it", async () => {
    const dir = await tempDir();
    const file = join(dir, "bridge.json");
    await writeFile(file, `{ "panels": [{ "id": "panel-1", "name": "Panel e2" }], "dose": { "maxSessionSeconds": 6e2 } }`);
    await expect(loadConfig(file)).rejects.toThrow(
      `Invalid ${file}:\n  - dose.maxSessionSeconds: 6e2 is written with an exponent; numbers must be plain decimal digits (write 600)`,
    );
    // The whole path, through arrays and nested objects, as for any other invalid field.
    await writeFile(
      file,
      `{ "panels": [{ "id": "panel-1", "distanceCm": 30 }, { "id": "panel-2", "name": "Panel 2", "irradianceMwPerCm2": { "30": 24, "60": 1E1 } }], "dose": {} }`,
    );
    await expect(loadConfig(file)).rejects.toThrow(
      `Invalid ${file}:\n  - panels[1].irradianceMwPerCm2.60: 1E1 is written with an exponent; numbers must be plain decimal digits (write 10)`,
    );
    // The same value in plain digits, and an "e" inside a string, are fine.
    await writeFile(file, `{ "panels": [{ "id": "panel-1", "name": "Panel e2" }], "dose": { "maxSessionSeconds": 600 } }`);
    expect((await loadConfig(file)).dose.maxSessionSeconds).toBe(600);
  });
});

describe("CLI flags and environment", () => {
  it("uses the DESIGN defaults", () => {
    expect(parseCli([], {})).toMatchObject({ matterPort: 5540, apiPort: 8787, apiHost: "127.0.0.1", acknowledgeCaution: false });
    expect(parseCli([], {}).storage).toMatch(/\.data$/);
  });
  it("takes env, and flags over env", () => {
    const env = {
      MATTER_PORT: "6000",
      BRIDGE_API_PORT: "9000",
      BRIDGE_CONFIG: "/x.json",
      MATTER_PASSCODE: "20202021",
      BRIDGE_STORAGE: "/tmp/s",
    };
    expect(parseCli([], env)).toMatchObject({ matterPort: 6000, apiPort: 9000, config: "/x.json", passcode: 20202021, storage: "/tmp/s" });
    expect(parseCli(["--matter-port", "7000", "--api-port=7001", "--acknowledge-caution"], env)).toMatchObject({
      matterPort: 7000,
      apiPort: 7001,
      acknowledgeCaution: true,
    });
  });
  it.each([
    [["--api-port", "http"], /--api-port \/ BRIDGE_API_PORT must be a port number/],
    [["--matter-port", "70000"], /must be 0–65535/],
    [["--discriminator", "5000"], /--discriminator must be 0–4095/],
    [["--frobnicate"], /Unknown flag --frobnicate/],
    [["--config"], /--config needs a value/],
  ])("refuses %j with a message naming it", (argv, pattern) => {
    expect(() => parseCli(argv as string[], {})).toThrow(pattern);
  });

  // Numbers are plain decimal digits (contract/numbers.ts), not whatever JavaScript's Number() reads.
  const plainDigits = /--api-port \/ BRIDGE_API_PORT must be a port number written in plain digits/;
  it.each([["0x1F90"], ["1e3"], [" 80"], ["80 "], ["+80"], ["Infinity"], ["0b1010"], ["0o17"], ["80.0"], [""]])(
    "refuses --api-port %j, naming the flag",
    (value) => {
      expect(() => parseCli(["--api-port", value], {})).toThrow(plainDigits);
      expect(() => parseCli([`--api-port=${value}`], {})).toThrow(plainDigits);
      // An empty variable counts as unset (the default applies), tested below.
      if (value !== "") expect(() => parseCli([], { BRIDGE_API_PORT: value })).toThrow(plainDigits);
    },
  );
  it.each([
    [["--matter-port", "1E3"], /--matter-port \/ MATTER_PORT must be a port number written in plain digits/],
    [["--passcode", "0x1339"], /--passcode must be a whole number written in plain digits/],
    [["--discriminator", "1e3"], /--discriminator must be a whole number written in plain digits/],
    [["--discriminator", "NaN"], /--discriminator must be a whole number written in plain digits/],
  ])("refuses %j as not plain digits", (argv, pattern) => {
    expect(() => parseCli(argv as string[], {})).toThrow(pattern);
  });
  it("takes how often the storage is checked from --storage-check-ms or BRIDGE_STORAGE_CHECK_MS (100–60000 ms), naming it when wrong", () => {
    expect(parseCli([], {}).storageCheckMs).toBeUndefined(); // the watch's own 2 s
    expect(parseCli(["--storage-check-ms", "100"], {}).storageCheckMs).toBe(100);
    expect(parseCli([], { BRIDGE_STORAGE_CHECK_MS: "60000" }).storageCheckMs).toBe(60000);
    expect(parseCli(["--storage-check-ms=500"], { BRIDGE_STORAGE_CHECK_MS: "60000" }).storageCheckMs).toBe(500);
    for (const bad of ["99", "60001", "0", "2s", "1e3"])
      expect(() => parseCli([], { BRIDGE_STORAGE_CHECK_MS: bad })).toThrow(/--storage-check-ms \/ BRIDGE_STORAGE_CHECK_MS must be/);
  });
  it("accepts plain digits from flags and environment", () => {
    expect(parseCli(["--api-port", "8787"], {}).apiPort).toBe(8787);
    expect(parseCli(["--api-port=0"], {}).apiPort).toBe(0);
    expect(parseCli([], { BRIDGE_API_PORT: "8787", MATTER_DISCRIMINATOR: "3840" })).toMatchObject({ apiPort: 8787, discriminator: 3840 });
    expect(parseCli([], { BRIDGE_API_PORT: "" }).apiPort).toBe(8787);
  });
});

describe("region switches in the config", () => {
  it('are off by default; on a panel with regionSwitches each region\'s switch is "<Region> session" unless named', () => {
    expect(parseConfig({ panels: [panel] }).panels[0].regionSwitches).toBe(false);
    const cfg = parseConfig({
      panels: [{ ...panel, regionSwitches: true }],
      regions: { "mid-back": { switchName: "Upper back light" }, "low-back-hips": { defaultSeconds: 600 } },
    });
    const names = (["neck-shoulders", "mid-back", "low-back-hips"] as const).map((r) => regionSwitchName(cfg, cfg.panels[0], r));
    expect(names).toEqual(["Neck session", "Upper back light", "Low back session"]);
  });

  it("puts the panel's name first when more than one panel has region switches, within Matter's 32 characters", () => {
    const cfg = parseConfig({
      panels: [
        { id: "bedroom", name: "Bedroom", regionSwitches: true },
        { id: "gym", name: "Garage gym panel by the door", regionSwitches: true },
        { id: "hall", name: "Hall" },
      ],
      regions: { "neck-shoulders": { switchName: "Neck light" } },
    });
    const [bedroom, gym] = cfg.panels;
    expect(regionSwitchName(cfg, bedroom, "low-back-hips")).toBe("Bedroom low back session");
    expect(regionSwitchName(cfg, bedroom, "neck-shoulders")).toBe("Bedroom Neck light");
    expect(regionSwitchName(cfg, gym, "mid-back")).toBe("Garage gym panel by the door mid");
  });

  it.each([
    [
      "a regionSwitches that is not a boolean",
      { panels: [{ ...panel, regionSwitches: "yes" }] },
      /panels\[0\]\.regionSwitches: .*expected boolean/,
    ],
    ["an empty switch name", { panels: [panel], regions: { "mid-back": { switchName: "" } } }, /regions\.mid-back\.switchName/],
    [
      "a switch name over Matter's 32 characters",
      { panels: [panel], regions: { "mid-back": { switchName: "x".repeat(33) } } },
      /regions\.mid-back\.switchName/,
    ],
    [
      "two regions with one switch name",
      { panels: [panel], regions: { "neck-shoulders": { switchName: "Back" }, "mid-back": { switchName: "back" } } },
      /regions\.mid-back\.switchName: "back" is already the switch name of neck-shoulders/,
    ],
    [
      "a switch name that is another region's default",
      { panels: [panel], regions: { "neck-shoulders": { switchName: "Low back session" } } },
      /regions\.neck-shoulders\.switchName: "Low back session" is already the switch name of low-back-hips/,
    ],
    [
      "an unknown key in a region",
      { panels: [panel], regions: { "mid-back": { name: "Mid" } } },
      /regions\.mid-back\.name: unknown key \(allowed: defaultSeconds, switchName\)/,
    ],
  ])("refuses %s, naming the field", (_what, json, pattern) => {
    expect(errorOf(json)).toMatch(pattern);
  });
});

describe("matter.js's log variables, checked before matter.js loads", () => {
  it.each([
    [{}],
    [{ MATTER_LOG_LEVEL: "DEBUG" }],
    [{ MATTER_LOG_LEVEL: "3" }],
    [{ MATTER_LOG_LEVEL: "05" }],
    [{ MATTER_LOG_LEVEL: "", MATTER_LOG_FORMAT: "" }],
    [{ MATTER_LOG_FORMAT: "ansi" }],
  ])("accepts %j", (env) => expect(matterEnvProblem(env)).toBeUndefined());
  it.each([
    [{ MATTER_LOG_LEVEL: "loud" }, /MATTER_LOG_LEVEL: must be one of: debug, info/],
    [{ MATTER_LOG_LEVEL: "6" }, /MATTER_LOG_LEVEL/],
    [{ MATTER_LOG_FORMAT: "json" }, /MATTER_LOG_FORMAT: must be one of: plain, ansi, html/],
  ])("refuses %j, naming the variable", (env, pattern) => expect(matterEnvProblem(env)).toMatch(pattern));
});
