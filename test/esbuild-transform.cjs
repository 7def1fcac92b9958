/**
 * Jest's transform for the TypeScript sources and tests: esbuild strips the types (tsconfig's
 * isolatedModules keeps every file compilable alone, so no type information is needed), keeping
 * ES modules. `npm run lint` is what type-checks. It replaced ts-jest, whose per-file TypeScript
 * transpile cost a clean checkout's run about 30 s of CPU before jest's cache held the results.
 */
const { createHash } = require("node:crypto");
const { transformSync, version } = require("esbuild");

const OPTIONS = {
  loader: "ts",
  format: "esm",
  target: "node20",
  // Node 20 takes `with { type: "json" }`; esbuild's node20 would drop it.
  supported: { "import-attributes": true },
  sourcemap: "external",
  sourcesContent: false,
};

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { ...OPTIONS, sourcefile: filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash("sha256")
      .update(`${version}\0${JSON.stringify(OPTIONS)}\0${filename}\0${source}`)
      .digest("hex");
  },
};
