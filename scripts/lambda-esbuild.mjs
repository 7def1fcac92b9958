// The esbuild settings of the skill's Lambda bundle; bench/skill-cold.ts bundles its hello-world anchor with the same.
export const LAMBDA_ESBUILD = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  // The Lambda Node runtimes ship AWS SDK v3.
  external: ["@aws-sdk/*"],
  logLevel: "warning",
};
