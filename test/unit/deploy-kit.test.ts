/**
 * The deployment kit parses and hangs together (no cloud access here: structure, not deployment).
 * One way to deploy: SAM owns the Lambda (deploy/template.yaml), the ASK CLI deploys only the skill
 * package (ask-resources.json), and `npm run endpoint` writes the SAM function's ARN into skill.json.
 */
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import YAML from "yaml";
import { z } from "zod";
import { STORAGE_LOCKED_EXIT } from "../../matter-bridge/storage/lock.js";

const read = (path: string) => readFileSync(path, "utf8");
const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
/** AWS creates no new nodejs20.x functions since 2026-08-31. */
const RUNTIME = "nodejs22.x";

/** CloudFormation short-form tags, kept as their long form so references can be checked. */
const cfnTags = [
  "Ref",
  "GetAtt",
  "Sub",
  "Join",
  "If",
  "Equals",
  "And",
  "Condition",
  "Not",
  "Select",
  "Split",
  "FindInMap",
  "ImportValue",
  "Base64",
  "GetAZs",
].flatMap((name): YAML.Tags => {
  const key = name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
  return [
    { tag: `!${name}`, resolve: (value: unknown) => ({ [key]: value }) },
    // `!Equals [a, b]`: the same tag on a sequence.
    { tag: `!${name}`, collection: "seq", resolve: (value: YAML.YAMLSeq) => ({ [key]: value.toJSON() }) },
  ] as YAML.Tags;
});
const parseTemplate = (file = "deploy/template.yaml") => YAML.parse(read(file), { customTags: cfnTags });

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
  it(`is a SAM template with a ${RUNTIME} Lambda on the bundle's handler, the bundle built for that Node`, () => {
    expect(t.Transform).toBe("AWS::Serverless-2016-10-31");
    const fn = t.Resources.SkillFunction;
    expect(fn.Type).toBe("AWS::Serverless::Function");
    expect(fn.Properties.Handler).toBe("index.handler");
    expect(fn.Properties.Runtime).toBe(RUNTIME);
    // CodeUri is relative to the template's folder: deploy/../dist/lambda is what `npm run build` writes.
    expect(fn.Properties.CodeUri).toBe("../dist/lambda");
    expect(relative(root, resolve(root, "deploy", fn.Properties.CodeUri))).toBe(join("dist", "lambda"));
    const target = /\btarget:\s*"node(\d+)"/.exec(read("scripts/lambda-esbuild.mjs"));
    expect(target?.[1]).toBe(/^nodejs(\d+)\.x$/.exec(RUNTIME)![1]);
  });
  it("outputs the function's ARN under the key `npm run endpoint -- --stack` reads", () => {
    expect(t.Outputs.SkillFunctionArn.Value).toEqual({ "Fn::GetAtt": "SkillFunction.Arn" });
  });
  it("references only declared parameters and resources", () => {
    const declared = new Set([
      ...Object.keys(t.Parameters),
      ...Object.keys(t.Resources),
      "AWS::Region",
      "AWS::StackName",
      "AWS::AccountId",
      "AWS::Partition",
      "AWS::NoValue",
      "SkillFunctionRole", // the function's role, which SAM generates
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
    expect(env.BRIDGE_TOKEN_SECRET_ARN).toEqual({ "Fn::If": ["UseHttp", { Ref: "BridgeTokenSecret" }, { Ref: "AWS::NoValue" }] });
    expect(t.Resources.BridgeTokenSecret.Type).toBe("AWS::SecretsManager::Secret");
    expect(t.Resources.SkillSecretPolicy.Properties.PolicyDocument.Statement).toEqual([
      { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: { Ref: "BridgeTokenSecret" } },
    ]);
  });
  it("gives the function its table (keyed by id) and only the Alexa skill may invoke it", () => {
    const env = t.Resources.SkillFunction.Properties.Environment.Variables;
    expect(env).toMatchObject({
      PERSISTENCE: "dynamodb",
      DYNAMODB_TABLE: { Ref: "UserDataTable" },
      BRIDGE_URL: { "Fn::If": ["UseHttp", { Ref: "BridgeUrl" }, { Ref: "AWS::NoValue" }] },
    });
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
    expect(url.test("")).toBe(true); // unused with BridgeLink=mqtt; a rule asks for it with http
    const token = new RegExp(t.Parameters.BridgeToken.AllowedPattern);
    expect([token.test(""), token.test("short"), token.test("0123456789abcdef")]).toEqual([true, false, true]);
    const thing = new RegExp(t.Parameters.ThingName.AllowedPattern);
    expect([thing.test("home-1"), thing.test("home/1"), thing.test("home+"), thing.test("#")]).toEqual([true, false, false, false]);
    expect(t.Parameters.BridgeLink).toMatchObject({ Default: "mqtt", AllowedValues: ["mqtt", "http"] });
    expect(new RegExp(t.Parameters.SkillId.AllowedPattern).test("amzn1.ask.skill.0f1e2d3c-aaaa-bbbb-cccc-111122223333")).toBe(true);
  });
});

describe("SAM template: the IoT Core link (BridgeLink=mqtt)", () => {
  const t = parseTemplate();
  const r = t.Resources;
  /** A Fn::Sub string's text (the short form keeps it as a plain string). */
  const sub = (v: unknown) => (v as { "Fn::Sub": string })["Fn::Sub"];
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub text, not a JS template
  const ARN = "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:";
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub text, not a JS template
  const OWN = "${!iot:Connection.Thing.ThingName}"; // a policy variable, escaped from Fn::Sub
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub text, not a JS template
  const THING = "${ThingName}"; // the parameter, substituted

  it("creates the thing, a certificate from the CSR parameter (the key stays at home), and attaches both", () => {
    expect(r.HomeThing).toMatchObject({ Type: "AWS::IoT::Thing", Condition: "UseMqtt", Properties: { ThingName: { Ref: "ThingName" } } });
    expect(r.HomeCertificate).toMatchObject({
      Type: "AWS::IoT::Certificate",
      Properties: { CertificateSigningRequest: { Ref: "CertificateCsr" }, Status: "ACTIVE" },
    });
    expect(r.HomeThingCertificate).toMatchObject({
      Type: "AWS::IoT::ThingPrincipalAttachment",
      Properties: { ThingName: { Ref: "HomeThing" }, Principal: { "Fn::GetAtt": "HomeCertificate.Arn" } },
    });
    expect(r.HomePolicyCertificate).toMatchObject({
      Type: "AWS::IoT::PolicyPrincipalAttachment",
      Properties: { PolicyName: { Ref: "HomePolicy" }, Principal: { "Fn::GetAtt": "HomeCertificate.Arn" } },
    });
    expect(t.Rules.MqttNeedsCsr.Assertions[0].Assert).toEqual({ "Fn::Not": [{ "Fn::Equals": [{ Ref: "CertificateCsr" }, ""] }] });
  });

  it("lets a certificate connect only as its own attached thing and use only its own biolight/v1/<thing>/ topics", () => {
    const statements = r.HomePolicy.Properties.PolicyDocument.Statement as Array<{
      Effect: string;
      Action: string;
      Resource: unknown;
      Condition?: unknown;
    }>;
    const resources = (action: string) =>
      statements.filter((s) => s.Action === action).flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(sub));
    expect(statements.every((s) => s.Effect === "Allow")).toBe(true);
    expect(resources("iot:Connect")).toEqual([`${ARN}client/${OWN}`]);
    expect(statements.find((s) => s.Action === "iot:Connect")?.Condition).toEqual({ Bool: { "iot:Connection.Thing.IsAttached": "true" } });
    expect(resources("iot:Subscribe")).toEqual([
      `${ARN}topicfilter/biolight/v1/${OWN}/req`,
      `${ARN}topicfilter/biolight/v1/${OWN}/link/res/*`,
    ]);
    expect(resources("iot:Receive")).toEqual([`${ARN}topic/biolight/v1/${OWN}/req`, `${ARN}topic/biolight/v1/${OWN}/link/res/*`]);
    expect(resources("iot:Publish")).toEqual([
      `${ARN}topic/biolight/v1/${OWN}/res/*`,
      `${ARN}topic/biolight/v1/${OWN}/status`,
      `${ARN}topic/biolight/v1/${OWN}/link`,
    ]);
    expect(resources("iot:RetainPublish")).toEqual([`${ARN}topic/biolight/v1/${OWN}/status`]);
    // No wildcard reaches past the thing's own prefix, and nothing else is allowed.
    expect(new Set(statements.map((s) => s.Action))).toEqual(
      new Set(["iot:Connect", "iot:Subscribe", "iot:Receive", "iot:Publish", "iot:RetainPublish"]),
    );
  });

  it("lets the function connect with its own client ids and use only the thing's req, its own res/<client> and status", () => {
    expect(r.SkillIotPolicy.Properties.Roles).toEqual([{ Ref: "SkillFunctionRole" }]);
    const statements = r.SkillIotPolicy.Properties.PolicyDocument.Statement as Array<{ Action: string; Resource: unknown }>;
    const resources = (action: string) =>
      statements.filter((s) => s.Action === action).flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(sub));
    expect(resources("iot:Connect")).toEqual([`${ARN}client/${THING}-skill-*`]);
    expect(resources("iot:Publish")).toEqual([`${ARN}topic/biolight/v1/${THING}/req`]);
    expect(resources("iot:Subscribe")).toEqual([
      `${ARN}topicfilter/biolight/v1/${THING}/res/${THING}-skill-*`,
      `${ARN}topicfilter/biolight/v1/${THING}/status`,
    ]);
    expect(resources("iot:Receive")).toEqual([
      `${ARN}topic/biolight/v1/${THING}/res/${THING}-skill-*`,
      `${ARN}topic/biolight/v1/${THING}/status`,
    ]);
  });

  it("wires the link into the function's environment, and outputs the ATS endpoint (a custom resource), thing and certificate id", () => {
    const env = r.SkillFunction.Properties.Environment.Variables;
    expect(env.BRIDGE_LINK).toEqual({ Ref: "BridgeLink" });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub text, not a JS template
    expect(env.MQTT_URL).toEqual({ "Fn::If": ["UseMqtt", { "Fn::Sub": "wss://${IotEndpoint.Address}/mqtt" }, { Ref: "AWS::NoValue" }] });
    expect(env.BRIDGE_THING).toEqual({ "Fn::If": ["UseMqtt", { Ref: "ThingName" }, { Ref: "AWS::NoValue" }] });
    expect(r.IotEndpoint.Properties.ServiceToken).toEqual({ "Fn::GetAtt": "IotEndpointFunction.Arn" });
    expect(r.IotEndpointFunction.Properties.InlineCode).toContain('describe_endpoint(endpointType="iot:Data-ATS")');
    expect(t.Outputs.IotEndpoint.Value).toEqual({ "Fn::GetAtt": "IotEndpoint.Address" });
    expect(t.Outputs.ThingName.Value).toEqual({ Ref: "HomeThing" });
    expect(t.Outputs.CertificateId.Value).toEqual({ Ref: "HomeCertificate" });
  });

  describe("Households=linked: one skill, many homes", () => {
    const statementsOf = (policy: { PolicyDocument?: { Statement: unknown[] }; Statement?: unknown[] }) =>
      (policy.PolicyDocument?.Statement ?? policy.Statement ?? []) as Array<{ Action: string | string[]; Resource: unknown }>;
    const resourcesOf = (statements: Array<{ Action: string | string[]; Resource: unknown }>, action: string) =>
      statements.filter((s) => s.Action === action).flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(sub));

    it("is a parameter (single by default) that needs the MQTT link", () => {
      expect(t.Parameters.Households).toMatchObject({ Default: "single", AllowedValues: ["single", "linked"] });
      expect(t.Conditions.UseHouseholds).toEqual({
        "Fn::And": [{ Condition: "UseMqtt" }, { "Fn::Equals": [{ Ref: "Households" }, "linked"] }],
      });
      expect(t.Rules.HouseholdsNeedMqtt.Assertions[0].Assert).toEqual({ "Fn::Equals": [{ Ref: "BridgeLink" }, "mqtt"] });
    });

    it("creates the household table: keys pk/sk, TTL on ttl, kept on stack deletion, encrypted", () => {
      expect(r.HouseholdTable).toMatchObject({
        Type: "AWS::DynamoDB::Table",
        Condition: "UseHouseholds",
        DeletionPolicy: "Retain",
        Properties: {
          KeySchema: [
            { AttributeName: "pk", KeyType: "HASH" },
            { AttributeName: "sk", KeyType: "RANGE" },
          ],
          TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true },
          SSESpecification: { SSEEnabled: true },
        },
      });
    });

    it("runs the link function from the same bundle, invoked by a topic rule on biolight/v1/+/link that takes the thing from the topic", () => {
      const fn = r.LinkFunction;
      expect(fn).toMatchObject({
        Type: "AWS::Serverless::Function",
        Condition: "UseHouseholds",
        Properties: { CodeUri: "../dist/lambda", Handler: "link-function.handler", Runtime: RUNTIME },
      });
      expect(fn.Properties.Environment.Variables).toEqual({
        HOUSEHOLDS_TABLE: { Ref: "HouseholdTable" },
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub text, not a JS template
        MQTT_URL: { "Fn::Sub": "wss://${IotEndpoint.Address}/mqtt" },
      });
      const rule = fn.Properties.Events.LinkRule;
      expect(rule.Type).toBe("IoTRule");
      const sql = rule.Properties.Sql.replace(/\s+/g, " ");
      expect(sql).toMatch(/FROM 'biolight\/v1\/\+\/link'$/);
      // The fields the function reads (lambda/entry/link-function.ts, LinkRuleEventSchema), the payload whole and encoded.
      for (const field of [
        "encode(*, 'base64') AS payload",
        "topic(3) AS thing",
        "clientid() AS clientId",
        "get_mqtt_property('response_topic') AS responseTopic",
        "get_mqtt_property('correlation_data') AS correlationData",
      ])
        expect(sql).toContain(field);
      const statements = fn.Properties.Policies.flatMap((p: { Statement?: unknown[] }) => statementsOf(p));
      expect(resourcesOf(statements, "iot:Connect")).toEqual([`${ARN}client/biolight-linkfn-*`]);
      // It answers only on link/res/ topics (and which thing's is checked in code).
      expect(resourcesOf(statements, "iot:Publish")).toEqual([`${ARN}topic/biolight/v1/*/link/res/*`]);
      expect(fn.Properties.Policies[0]).toEqual({ DynamoDBCrudPolicy: { TableName: { Ref: "HouseholdTable" } } });
    });

    it("lets the skill reach any home's req/res/status (the code picks the linked one) and read the table; its environment says so", () => {
      const p = r.SkillHouseholdsPolicy;
      expect(p).toMatchObject({ Condition: "UseHouseholds", Properties: { Roles: [{ Ref: "SkillFunctionRole" }] } });
      const statements = statementsOf(p.Properties);
      expect(resourcesOf(statements, "iot:Connect")).toEqual([`${ARN}client/biolight-skill-*`]);
      expect(resourcesOf(statements, "iot:Publish")).toEqual([`${ARN}topic/biolight/v1/*/req`]);
      expect(resourcesOf(statements, "iot:Subscribe")).toEqual([
        `${ARN}topicfilter/biolight/v1/*/res/biolight-skill-*`,
        `${ARN}topicfilter/biolight/v1/*/status`,
      ]);
      const table = statements.find((s) => Array.isArray(s.Action) && s.Action.includes("dynamodb:GetItem"));
      expect(table?.Resource).toEqual({ "Fn::GetAtt": "HouseholdTable.Arn" });
      const env = r.SkillFunction.Properties.Environment.Variables;
      expect(env.HOUSEHOLDS).toEqual({ "Fn::If": ["UseHouseholds", "dynamodb", "single"] });
      expect(env.HOUSEHOLDS_TABLE).toEqual({ "Fn::If": ["UseHouseholds", { Ref: "HouseholdTable" }, { Ref: "AWS::NoValue" }] });
      expect(t.Outputs.LinkFunctionArn).toMatchObject({ Condition: "UseHouseholds", Value: { "Fn::GetAtt": "LinkFunction.Arn" } });
    });
  });

  // (Fn::If picks its branch by condition, so what it references is left out.)
  it("gives every resource and output that uses a conditional resource the same condition", () => {
    const conditional = new Map(
      Object.entries(r).flatMap(([k, v]) => ((v as { Condition?: string }).Condition ? [[k, (v as { Condition: string }).Condition]] : [])),
    );
    for (const [name, node] of [...Object.entries(r), ...Object.entries(t.Outputs).map(([k, v]) => [`Outputs.${k}`, v] as const)]) {
      const own = (node as { Condition?: string }).Condition;
      const plain = JSON.parse(JSON.stringify(node, (k, v) => (k === "Fn::If" ? undefined : v)));
      for (const ref of collectRefs(plain)) if (conditional.has(ref)) expect([name, own]).toEqual([name, conditional.get(ref)]);
    }
  });
});

/**
 * Hosted mode is a template of its own rather than a Mode parameter of template.yaml: it shares no
 * household resource with it (no ThingName, no CSR, no certificate: those are made per household at
 * run time by the provisioning function), so a parameter would make nearly every resource conditional.
 */
describe("deploy/hosted.yaml (one skill, many households)", () => {
  const t = parseTemplate("deploy/hosted.yaml");
  const r = t.Resources;
  const env = (name: string) => r[name].Properties.Environment.Variables;
  it("references only declared parameters and resources", () => {
    const declared = new Set([
      ...Object.keys(t.Parameters),
      ...Object.keys(r),
      ...["AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue"],
    ]);
    const refs = collectRefs(r).concat(collectRefs(t.Outputs));
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect([ref, declared.has(ref)]).toEqual([ref, true]);
    const subs = JSON.stringify(r).match(/\$\{(?!!)([A-Za-z:]+)[.}]/g) ?? [];
    for (const sub of subs) expect(declared.has(sub.slice(2, -1))).toBe(true);
  });
  it("asks for no household's thing or CSR: thing names are generated by the provisioning function", () => {
    expect(Object.keys(t.Parameters)).toEqual(["SkillId"]);
    expect(JSON.stringify(r)).not.toMatch(/AWS::IoT::(Thing|Certificate)"/);
  });
  it("runs the skill in multi-household mode over IoT Core, with the household table", () => {
    expect(env("SkillFunction")).toMatchObject({
      HOUSEHOLDS: "dynamodb",
      HOUSEHOLDS_TABLE: { Ref: "HouseholdTable" },
      BRIDGE_LINK: "mqtt",
      PERSISTENCE: "dynamodb",
    });
    expect(env("SkillFunction").BRIDGE_THING).toBeUndefined();
    expect(r.SkillFunction.Properties.Runtime).toBe(RUNTIME);
  });
  it("keys the household table as lambda/households/schema.ts lays it out, with the TTL the codes use", async () => {
    const { TABLE_KEYS } = await import("../../lambda/households/schema.js");
    const table = r.HouseholdTable.Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partition, KeyType: "HASH" },
      { AttributeName: TABLE_KEYS.sort, KeyType: "RANGE" },
    ]);
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_KEYS.ttl, Enabled: true });
  });
  it("serves POST /provision from index.provision with the policy's name, and lets it attach only that policy", () => {
    const fn = r.ProvisionFunction.Properties;
    expect(fn.Handler).toBe("index.provision");
    expect(fn.Events.Provision).toEqual({
      Type: "HttpApi",
      Properties: { ApiId: { Ref: "ProvisionApi" }, Method: "POST", Path: "/provision" },
    });
    expect(fn.Environment.Variables).toMatchObject({ HOUSEHOLDS_TABLE: { Ref: "HouseholdTable" }, IOT_POLICY: { Ref: "HouseholdPolicy" } });
    const attach = fn.Policies.flatMap((p: { Statement?: unknown[] }) => p.Statement ?? []).find((s: { Action: string[] }) =>
      s.Action.includes("iot:AttachPolicy"),
    );
    expect(attach.Resource).toEqual({ "Fn::GetAtt": "HouseholdPolicy.Arn" });
    expect(t.Outputs.ProvisionUrl.Value["Fn::Sub"]).toMatch(/\/provision$/);
  });

  /**
   * One fact, two templates: the household resources hosted.yaml shares with template.yaml's
   * Households=linked are the same text (template.yaml's carry `Condition: UseHouseholds`, nothing else).
   */
  describe("says what template.yaml says about every household resource they share", () => {
    const home = parseTemplate().Resources;
    const iotStatements = (statements: Array<{ Action: unknown }>) =>
      statements.filter((s) => typeof s.Action === "string" && s.Action.startsWith("iot:"));
    it("the household table", () => {
      const { Condition: _, ...shared } = home.HouseholdTable;
      expect(r.HouseholdTable).toEqual(shared);
    });
    it("the link function: handler, environment, policies and its topic rule", () => {
      expect(r.LinkFunction.Properties).toEqual(home.LinkFunction.Properties);
    });
    it("the skill's IoT permissions (as the SkillHouseholdsPolicy)", () => {
      const hosted = r.SkillFunction.Properties.Policies.flatMap((p: { Statement?: unknown[] }) => p.Statement ?? []);
      expect(iotStatements(hosted)).toEqual(iotStatements(home.SkillHouseholdsPolicy.Properties.PolicyDocument.Statement));
    });
    it("every household certificate's policy (as the one household's HomePolicy)", () => {
      expect(r.HouseholdPolicy.Properties).toEqual(home.HomePolicy.Properties);
    });
  });
});

/**
 * Each template against the code it deploys: every Lambda's environment is what its handler reads
 * (its zod schema), the rule selects the fields the link function reads, and the IAM client ids and
 * topics are the ones the code uses.
 */
describe("both templates against the code", () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub text, not a JS template
  const ARN = "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:";
  const sub = (v: unknown) => (typeof v === "string" ? v : (v as { "Fn::Sub": string })["Fn::Sub"]);
  const statements = (policies: Array<{ Statement?: unknown[] }>) =>
    policies.flatMap((p) => (p.Statement ?? []) as Array<{ Action: string | string[]; Resource: unknown }>);
  const resources = (list: Array<{ Action: string | string[]; Resource: unknown }>, action: string) =>
    list.filter((s) => s.Action === action).flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(sub));
  const templates = ["deploy/template.yaml", "deploy/hosted.yaml"].map((file) => [file, parseTemplate(file)] as const);
  const bundleFunctions = (t: { Resources: Record<string, { Type: string; Properties: { CodeUri?: string } }> }) =>
    Object.entries(t.Resources).filter(([, v]) => v.Type === "AWS::Serverless::Function" && v.Properties.CodeUri === "../dist/lambda");

  it.each(templates)("%s: every function's environment is its handler's schema, every required setting set", async (_file, t) => {
    const [{ SkillEnvSchema }, { LinkFunctionEnvSchema }, { ProvisionEnvSchema }] = await Promise.all([
      import("../../lambda/entry/env.js"),
      import("../../lambda/entry/link-function.js"),
      import("../../lambda/provision/handler.js"),
    ]);
    const schemas: Record<string, z.ZodObject> = {
      "index.handler": SkillEnvSchema,
      "link-function.handler": LinkFunctionEnvSchema,
      "index.provision": ProvisionEnvSchema,
    };
    const functions = bundleFunctions(t);
    expect(functions.length).toBeGreaterThan(0);
    for (const [name, fn] of functions) {
      const { Handler, Environment } = fn.Properties as { Handler: string; Environment: { Variables: Record<string, unknown> } };
      const schema = schemas[Handler];
      expect([name, Handler, schema !== undefined]).toEqual([name, Handler, true]);
      const set = Object.keys(Environment.Variables);
      const known = Object.keys(schema.shape);
      for (const key of set) expect([name, key, known.includes(key)]).toEqual([name, key, true]);
      if (Handler !== "index.handler") {
        const required = Object.entries(schema.shape).filter(([, v]) => !(v as z.ZodType).safeParse(undefined).success);
        for (const [key] of required) expect([name, key, set.includes(key)]).toEqual([name, key, true]);
      }
    }
  });

  it.each(templates)("%s: the link rule selects exactly the fields the link function reads, from biolight/v1/+/link", async (_file, t) => {
    const { LinkRuleEventSchema } = await import("../../lambda/entry/link-function.js");
    const { householdTopics } = await import("../../matter-bridge/contract/cloud-link.js");
    const fn = t.Resources.LinkFunction.Properties;
    const rules = Object.values(fn.Events as Record<string, { Type: string; Properties: { Sql: string } }>).filter(
      (e) => e.Type === "IoTRule",
    );
    expect(rules).toHaveLength(1);
    const sql = rules[0].Properties.Sql.replace(/\s+/g, " ");
    expect(sql.endsWith(`FROM '${householdTopics("+").requests}'`)).toBe(true);
    expect([...sql.matchAll(/ AS (\w+)/g)].map((m) => m[1]).sort()).toEqual(Object.keys(LinkRuleEventSchema.shape).sort());
  });

  it.each(templates)("%s: the link function connects by its client-id prefix and answers only under link/res/", async (_file, t) => {
    const { LINK_FUNCTION_CLIENT_ID_PREFIX } = await import("../../lambda/link/client-ids.js");
    const { householdTopics } = await import("../../matter-bridge/contract/cloud-link.js");
    const list = statements(t.Resources.LinkFunction.Properties.Policies);
    expect(resources(list, "iot:Connect")).toEqual([`${ARN}client/${LINK_FUNCTION_CLIENT_ID_PREFIX}*`]);
    expect(resources(list, "iot:Publish")).toEqual([`${ARN}topic/${householdTopics("*").responsePrefix}*`]);
  });

  it.each(templates)(
    "%s: the multi-household skill connects by its client-id prefix and answers come to that client's res/ topic",
    async (file, t) => {
      const { SKILL_CLIENT_ID_PREFIX } = await import("../../lambda/link/client-ids.js");
      const { linkTopics } = await import("../../matter-bridge/contract/cloud-link.js");
      const r = t.Resources;
      const list = file.endsWith("hosted.yaml")
        ? statements(r.SkillFunction.Properties.Policies)
        : (r.SkillHouseholdsPolicy.Properties.PolicyDocument.Statement as Array<{ Action: string; Resource: unknown }>);
      const topics = linkTopics("*");
      expect(resources(list, "iot:Connect")).toEqual([`${ARN}client/${SKILL_CLIENT_ID_PREFIX}*`]);
      expect(resources(list, "iot:Publish")).toEqual([`${ARN}topic/${topics.requests}`]);
      expect(resources(list, "iot:Subscribe")).toEqual([
        `${ARN}topicfilter/${topics.responses(`${SKILL_CLIENT_ID_PREFIX}*`)}`,
        `${ARN}topicfilter/${topics.status}`,
      ]);
      expect(resources(list, "iot:Receive")).toEqual([
        `${ARN}topic/${topics.responses(`${SKILL_CLIENT_ID_PREFIX}*`)}`,
        `${ARN}topic/${topics.status}`,
      ]);
    },
  );
});

/**
 * What the ASK CLI (v2, 2020-03-31 format) reads: skillMetadata.src is the skill package it uploads.
 * No `code` and no `skillInfrastructure`: with `@ask-cli/lambda-deployer` or `cfn-deployer` the CLI
 * would create a function of its own (without the template's table, secret and environment) and
 * point the skill's endpoint at it. Strict objects, so neither can creep back in.
 */
const AskResourcesSchema = z.strictObject({
  askcliResourcesVersion: z.literal("2020-03-31"),
  profiles: z.record(z.string(), z.strictObject({ skillMetadata: z.strictObject({ src: z.string() }) })),
});

describe("ask-resources.json", () => {
  const raw = JSON.parse(read("ask-resources.json"));
  const res = AskResourcesSchema.parse(raw);
  const profile = res.profiles.default;
  it("deploys only the skill package, from models/ (SAM deploys the function)", () => {
    expect(Object.keys(res.profiles)).toEqual(["default"]);
    expect(profile.skillMetadata.src).toBe("./models");
    expect(raw.profiles.default.code).toBeUndefined();
    expect(raw.profiles.default.skillInfrastructure).toBeUndefined();
    expect(JSON.stringify(raw)).not.toMatch(/deployer|runtime|nodejs/);
  });
  it("the skill package has the layout SMAPI imports: skill.json and a custom model per locale", () => {
    const manifest = JSON.parse(read(`${profile.skillMetadata.src}/skill.json`)).manifest;
    const locales = Object.keys(manifest.publishingInformation.locales);
    expect(locales.length).toBeGreaterThan(0);
    for (const locale of locales) expect(existsSync(`${profile.skillMetadata.src}/interactionModels/custom/${locale}.json`)).toBe(true);
  });
});

describe("models/skill.json for this deployment", () => {
  const manifest = JSON.parse(read("models/skill.json")).manifest;
  it("declares that it stores personal (health) information, with a privacy policy in every locale", () => {
    const privacy = manifest.privacyAndCompliance;
    expect(privacy).toMatchObject({ usesPersonalInfo: true, allowsPurchases: false, isChildDirected: false, containsAds: false });
    for (const locale of Object.keys(manifest.publishingInformation.locales))
      expect(privacy.locales[locale].privacyPolicyUrl).toMatch(/^https:\/\//);
  });
  it("subscribes to SKILL_DISABLED, so that disabling the skill deletes the user's household link and data", () => {
    expect(manifest.events.subscriptions).toEqual([{ eventName: "SKILL_DISABLED" }]);
  });
  it("carries no made-up endpoint: none until `npm run endpoint` writes the SAM function's ARN", () => {
    // A placeholder ARN fails SMAPI's check of the Lambda's Alexa trigger, so the first
    // `ask deploy --target skill-metadata` creates the skill without an endpoint.
    const endpoint = manifest.apis.custom.endpoint;
    if (endpoint !== undefined) expect(endpoint.uri).toMatch(/^arn:aws:lambda:[a-z0-9-]+:(?!000000000000)\d{12}:function:/);
  });
});

describe("the handler SAM deploys, in the bundle the real build script makes", () => {
  // The bundle test/global-setup.js built for this run (scripts/build-lambda.mjs; it replaces each file whole,
  // so a rebuild by test/integration/lambda-bundle.test.ts meanwhile is never seen half-written).
  it("CodeUri + Handler name a file that exists and exports a function of (event, context)", async () => {
    const fn = parseTemplate().Resources.SkillFunction.Properties;
    const [file, exported] = fn.Handler.split(".");
    const codeDir = resolve(root, "deploy", fn.CodeUri);
    const entry = join(codeDir, `${file}.js`);
    expect(existsSync(entry)).toBe(true);
    // Loaded as Lambda loads it: `require` in a fresh Node, with no skill environment set.
    const script = `const m = require(${JSON.stringify(entry)}); const h = m[${JSON.stringify(exported)}];
      process.stdout.write(JSON.stringify({ type: typeof h, arity: typeof h === "function" ? h.length : -1 }));`;
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: codeDir, env: { PATH: process.env.PATH ?? "" } });
    const loaded = JSON.parse(stdout);
    expect(loaded.type).toBe("function");
    expect(loaded.arity).toBeLessThanOrEqual(2); // (event, context): no callback-style handler
  });

  it("every handler either template names (index.handler, index.provision, link-function.handler) is a function in the bundle", async () => {
    const handlers = ["deploy/template.yaml", "deploy/hosted.yaml"].flatMap((file) =>
      Object.values(parseTemplate(file).Resources as Record<string, { Type: string; Properties: { CodeUri?: string; Handler?: string } }>)
        .filter((v) => v.Type === "AWS::Serverless::Function" && v.Properties.CodeUri === "../dist/lambda")
        .map((v) => v.Properties.Handler as string),
    );
    expect(new Set(handlers)).toEqual(new Set(["index.handler", "index.provision", "link-function.handler"]));
    for (const handler of new Set(handlers)) {
      const [file, exported] = handler.split(".");
      const entry = join(root, "dist/lambda", `${file}.js`);
      const script = `process.stdout.write(typeof require(${JSON.stringify(entry)})[${JSON.stringify(exported)}])`;
      const { stdout } = await run(process.execPath, ["-e", script], { env: { PATH: process.env.PATH ?? "" } });
      expect([handler, stdout]).toEqual([handler, "function"]);
    }
  });
});

describe("npm run endpoint (scripts/skill-endpoint.mjs)", () => {
  const script = join(root, "scripts/skill-endpoint.mjs");
  const arn = "arn:aws:lambda:us-east-1:123456789012:function:biolight-SkillFunction-Ab12Cd34";
  let dir: string;
  let manifestPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "biolight-endpoint-"));
    manifestPath = join(dir, "skill.json");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const endpoint = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [script, "--manifest", manifestPath, ...args], { cwd: root, env: { ...process.env, ...env } });
  const original = () => JSON.parse(read("models/skill.json"));
  const withoutEndpoint = (json: { manifest: { apis: { custom: Record<string, unknown> }; events: Record<string, unknown> } }) => {
    const { endpoint: _, ...custom } = json.manifest.apis.custom;
    const { endpoint: _events, ...events } = json.manifest.events;
    return { ...json, manifest: { ...json.manifest, apis: { ...json.manifest.apis, custom }, events } };
  };

  it("is the package's `endpoint` script", () => {
    expect(JSON.parse(read("package.json")).scripts.endpoint).toBe("node scripts/skill-endpoint.mjs");
  });

  it("writes the ARN into apis.custom.endpoint.uri and events.endpoint.uri of a copy of skill.json and changes nothing else", async () => {
    writeFileSync(manifestPath, read("models/skill.json"));
    await endpoint([arn]);
    const after = JSON.parse(read(manifestPath));
    expect(after.manifest.apis.custom.endpoint).toEqual({ uri: arn });
    // Skill events (SKILL_DISABLED) go to the same function.
    expect(after.manifest.events.endpoint).toEqual({ uri: arn });
    expect(withoutEndpoint(after)).toEqual(withoutEndpoint(original()));
    // Run again (a redeployed stack): the endpoints are replaced, the text otherwise kept as it was.
    const again = "arn:aws:lambda:eu-west-1:123456789012:function:biolight-eu";
    const before = read(manifestPath);
    await endpoint([again]);
    expect(JSON.parse(read(manifestPath)).manifest.apis.custom.endpoint).toEqual({ uri: again });
    expect(JSON.parse(read(manifestPath)).manifest.events.endpoint).toEqual({ uri: again });
    expect(read(manifestPath)).toBe(before.replaceAll(arn, again));
  });

  it("reads the SkillFunctionArn output of the SAM stack with --stack", async () => {
    writeFileSync(manifestPath, read("models/skill.json"));
    const bin = join(dir, "bin");
    mkdirSync(bin, { recursive: true });
    const outputs = [
      { OutputKey: "UserDataTableName", OutputValue: "biolight-UserDataTable-1" },
      { OutputKey: "SkillFunctionArn", OutputValue: arn, Description: "The skill's endpoint" },
    ];
    writeFileSync(
      join(bin, "sam"),
      `#!/bin/sh\necho "$@" > "${join(dir, "sam-args")}"\ncat <<'JSON'\n${JSON.stringify(outputs, null, 2)}\nJSON\n`,
    );
    chmodSync(join(bin, "sam"), 0o755);
    await endpoint(["--stack", "biolight", "--region", "us-east-1"], { PATH: `${bin}:${process.env.PATH}` });
    expect(read(join(dir, "sam-args")).trim()).toBe("list stack-outputs --stack-name biolight --output json --region us-east-1");
    expect(JSON.parse(read(manifestPath)).manifest.apis.custom.endpoint).toEqual({ uri: arn });
  });

  it("refuses what Alexa cannot call, leaving the file alone", async () => {
    writeFileSync(manifestPath, read("models/skill.json"));
    for (const bad of ["not-an-arn", "arn:aws:lambda:eu-central-1:123456789012:function:biolight"]) {
      await expect(endpoint([bad])).rejects.toMatchObject({ code: 2 });
      expect(read(manifestPath)).toBe(read("models/skill.json"));
    }
    await expect(endpoint([])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage") });
  });
});

describe("docs/skill-deployment.md: Deploying: AWS Lambda", () => {
  const page = read("docs/skill-deployment.md");
  const from = page.indexOf("\n## Deploying: AWS Lambda\n");
  const to = page.indexOf("\n## Deploying: self-hosted\n");
  const section = page.slice(from, to);
  it("is a section of its own, before the self-hosted one", () => {
    expect(from).toBeGreaterThan(-1);
    expect(to).toBeGreaterThan(from);
  });
  it("is one order of commands: package, create the skill, SAM, endpoint, ask deploy, beta test", () => {
    const steps = [
      "npm ci",
      "npm run package",
      "ask deploy --target skill-metadata",
      "sam deploy --guided --template-file deploy/template.yaml",
      "npm run endpoint -- --stack",
      "\nask deploy\n",
      "ask smapi create-beta-test",
      "ask smapi add-testers-to-beta-test",
      "ask smapi start-beta-test",
    ];
    const at = steps.map((step) => section.indexOf(step));
    expect(at).not.toContain(-1);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(section).not.toMatch(/lambda-deployer|nodejs20/);
    expect(section).toMatch(/do not submit it for certification/);
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
  it("runs the compiled bridge in one node process with persistent state and stops it with SIGTERM (panels off)", () => {
    expect(service.get("ExecStart")).toEqual(["/usr/bin/env node dist/bridge/main.js"]);
    expect(service.get("KillSignal")).toEqual(["SIGTERM"]);
    expect(service.get("Environment")).toContain("BRIDGE_STORAGE=/var/lib/biolight");
    expect(service.get("StateDirectory")).toEqual(["biolight"]);
    expect(service.get("Restart")).toEqual(["on-failure"]);
  });
});
