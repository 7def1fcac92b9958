/** ESM test files, TypeScript through esbuild (test/esbuild-transform.cjs): see shared NOTES (matter.js deps are ESM-only). */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { filesMissingParts } from "./test/machine-parts.js";

// virtual-alexa (the voice tests' Alexa) pulls in AWS SDK v2, which prints an end-of-support notice
// in every test process that loads it. Only the tests use it; its documented switch silences it
// here and in the workers and children that inherit this environment.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
// AWS SDK v3 (the households and provisioning tests) warns on Node 20 that its releases from 2027
// need Node 22; the Lambda runtime the templates name is newer, so in the tests it is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const left = filesMissingParts(fileURLToPath(new URL("./test", import.meta.url)));

export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": "<rootDir>/test/esbuild-transform.cjs",
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...left.map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)],
  // Builds the compiled bridge and the Lambda bundle once per run, when stale (test/global-setup.js).
  globalSetup: "<rootDir>/test/global-setup.js",
  testTimeout: 30000,
  // One worker more than the cores: the test files spend part of their time waiting on the processes
  // they start (bridges, brokers, browsers), which a third worker fills. On 2 cores: 108 → 89 s idle,
  // 153 → 124 s with one core kept busy by something else. Capped so a big machine does not start a crowd.
  maxWorkers: Math.min(availableParallelism() + 1, 6),
  reporters: ["default", "<rootDir>/test/reporters/slowest-files.cjs"],
};
