/** The deployment kit parses and hangs together (no cloud access here: structure, not deployment). */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import YAML from "yaml";
import { z } from "zod";
import { STORAGE_LOCKED_EXIT } from "../../matter-bridge/storage/lock.js";

const read = (path: string) => readFileSync(path, "utf8");

/** CloudFormation short-form tags, kept as their long form so references can be checked. */
const cfnTags = [
  "Ref",
  "GetAtt",
  "Sub",
  "Join",
  "If",
  "Equals",
  "Not",
  "Select",
  "Split",
  "FindInMap",
  "ImportValue",
  "Base64",
  "GetAZs",
].map((name): YAML.Tags[number] => ({
  tag: `!${name}`,
  resolve: (value: unknown) => ({ [name === "Ref" ? "Ref" : `Fn::${name}`]: value }),
}));
const parseTemplate = () => YAML.parse(read("deploy/template.yaml"), { customTags: cfnTags });

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, out);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "Ref" && typeof v === "string") out.push(v);
      else if (k === "Fn::GetAtt") out.push(String(v).split(".")[0]);
      else collectRefs(v, out);
    }
  return out;
}

describe("SAM template", () => {
  const t = parseTemplate();
  it("is a SAM template with a Node.js Lambda on the bundle's handler", () => {
    expect(t.Transform).toBe("AWS::Serverless-2016-10-31");
    const fn = t.Resources.SkillFunction;
    expect(fn.Type).toBe("AWS::Serverless::Function");
    expect(fn.Properties.Handler).toBe("index.handler");
    expect(fn.Properties.Runtime).toMatch(/^nodejs(2[0-9]|[3-9][0-9])\.x$/);
    expect(fn.Properties.CodeUri).toBe("../dist/lambda");
  });
  it("references only declared parameters and resources", () => {
    const declared = new Set([
      ...Object.keys(t.Parameters),
      ...Object.keys(t.Resources),
      "AWS::Region",
      "AWS::StackName",
      "AWS::AccountId",
    ]);
    const refs = collectRefs(t.Resources).concat(collectRefs(t.Outputs));
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(declared.has(r)).toBe(true);
  });
  it("keeps the bridge token out of plain environment text", () => {
    expect(t.Parameters.BridgeToken.NoEcho).toBe(true);
    const env = t.Resources.SkillFunction.Properties.Environment.Variables;
    expect(JSON.stringify(env)).not.toContain('BridgeToken"');
    expect(env.BRIDGE_TOKEN).toBeUndefined();
    expect(env.BRIDGE_TOKEN_SECRET_ARN).toEqual({ Ref: "BridgeTokenSecret" });
    expect(t.Resources.BridgeTokenSecret.Type).toBe("AWS::SecretsManager::Secret");
  });
  it("gives the function its table (keyed by id) and only the Alexa skill may invoke it", () => {
    const env = t.Resources.SkillFunction.Properties.Environment.Variables;
    expect(env).toMatchObject({ PERSISTENCE: "dynamodb", DYNAMODB_TABLE: { Ref: "UserDataTable" }, BRIDGE_URL: { Ref: "BridgeUrl" } });
    expect(t.Resources.UserDataTable.Properties.KeySchema).toEqual([{ AttributeName: "id", KeyType: "HASH" }]);
    expect(t.Resources.AlexaSkillPermission.Properties).toMatchObject({
      Principal: "alexa-appkit.amazon.com",
      EventSourceToken: { Ref: "SkillId" },
    });
  });
  it("constrains its parameters", () => {
    const url = new RegExp(t.Parameters.BridgeUrl.AllowedPattern);
    expect(url.test("https://bridge.example.net")).toBe(true);
    expect(url.test("http://192.168.1.2:8787")).toBe(false);
    expect(new RegExp(t.Parameters.SkillId.AllowedPattern).test("amzn1.ask.skill.0f1e2d3c-aaaa-bbbb-cccc-111122223333")).toBe(true);
  });
});

const AskResourcesSchema = z.strictObject({
  askcliResourcesVersion: z.literal("2020-03-31"),
  profiles: z.record(
    z.string(),
    z.strictObject({
      skillMetadata: z.strictObject({ src: z.string() }),
      code: z.record(z.string(), z.strictObject({ src: z.string() })),
      skillInfrastructure: z.strictObject({
        type: z.enum(["@ask-cli/lambda-deployer", "@ask-cli/cfn-deployer"]),
        userConfig: z.looseObject({ runtime: z.string(), handler: z.string(), awsRegion: z.string() }),
      }),
    }),
  ),
});

describe("ask-resources.json", () => {
  const res = AskResourcesSchema.parse(JSON.parse(read("ask-resources.json")));
  const profile = res.profiles.default;
  it("deploys the skill package from models/ and the Lambda bundle from dist/lambda", () => {
    expect(existsSync(`${profile.skillMetadata.src}/skill.json`)).toBe(true);
    expect(existsSync(`${profile.skillMetadata.src}/interactionModels/custom/en-US.json`)).toBe(true);
    expect(profile.code.default.src).toBe("./dist/lambda");
    expect(profile.skillInfrastructure.userConfig.handler).toBe("index.handler");
  });
});

describe("systemd unit", () => {
  const unit = read("deploy/biolight-bridge.service");
  const sections = new Map<string, Map<string, string[]>>();
  let current = "";
  for (const raw of unit.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = section[1];
      sections.set(current, new Map());
      continue;
    }
    const [key, ...rest] = line.split("=");
    expect(current).not.toBe("");
    const values = sections.get(current)!;
    values.set(key, [...(values.get(key) ?? []), rest.join("=")]);
  }
  const service = sections.get("Service")!;
  it("has the three sections and starts after the network and the first time sync", () => {
    expect([...sections.keys()]).toEqual(["Unit", "Service", "Install"]);
    const words = (key: string) => (sections.get("Unit")!.get(key) ?? []).flatMap((v) => v.split(/\s+/));
    expect(words("After")).toEqual(expect.arrayContaining(["network-online.target", "time-sync.target"]));
    expect(words("Wants")).toEqual(expect.arrayContaining(["time-sync.target"]));
  });
  it("is not restarted when another bridge holds the storage folder", () => {
    expect(service.get("RestartPreventExitStatus")).toEqual([String(STORAGE_LOCKED_EXIT)]);
  });
  it("runs the bridge with persistent state and stops it with SIGTERM (panels off)", () => {
    expect(service.get("ExecStart")![0]).toMatch(/^\/\S+ .*matter-bridge\/main\.ts$/);
    expect(service.get("KillSignal")).toEqual(["SIGTERM"]);
    expect(service.get("Environment")).toContain("BRIDGE_STORAGE=/var/lib/biolight");
    expect(service.get("StateDirectory")).toEqual(["biolight"]);
    expect(service.get("Restart")).toEqual(["on-failure"]);
  });
});
