/**
 * Jest's globalSetup: builds once per run, before any test file starts, what several files load —
 * the compiled bridge (the CLI tests) and the skill's Lambda bundle (the bundle tests) — each only
 * when a source is newer than the build. Built here rather than per file, so no two workers build
 * at once and no file pays for a build another already made.
 */
import { bridgeIsStale, buildBridge } from "../scripts/build-bridge.mjs";
import { buildLambda, lambdaIsStale } from "../scripts/build-lambda.mjs";

export default async function buildOnce() {
  const t0 = performance.now();
  const built = [];
  if (bridgeIsStale()) {
    await buildBridge();
    built.push("bridge");
  }
  if (lambdaIsStale()) {
    await buildLambda();
    built.push("Lambda bundle");
  }
  if (built.length)
    process.stderr.write(`\nBuilt the ${built.join(" and the ")} for the tests (${Math.round(performance.now() - t0)} ms).\n`);
}
