/** ESM + ts-jest: see shared NOTES (matter.js deps are ESM-only). */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/reporters/slowest-files.cjs"],
};
