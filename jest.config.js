/** ESM + ts-jest: see shared NOTES (matter.js deps are ESM-only). */
import { fileURLToPath } from "node:url";
import { filesMissingParts } from "./test/machine-parts.js";

const left = filesMissingParts(fileURLToPath(new URL("./test", import.meta.url)));

export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...left.map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)],
  // Builds the compiled bridge and the Lambda bundle once per run, when stale (test/global-setup.js).
  globalSetup: "<rootDir>/test/global-setup.js",
  testTimeout: 30000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/reporters/slowest-files.cjs"],
};
