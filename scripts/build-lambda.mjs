// `npm run build`: the skill as CommonJS bundles for AWS Lambda (Node.js 22, runtime nodejs22.x).
//   dist/lambda/index.js          lambda/entry/skill-lambda.ts: exports `handler` and `provision`, small; @aws-sdk/* stays external (the runtime ships SDK v3)
//   dist/lambda/skill-core.js     lambda/entry/skill-core.ts: the skill, required by index.js with the first request
//   dist/lambda/provision.js      lambda/provision/handler.ts: the provisioning endpoint, required by index.provision
//   dist/lambda/link-function.js  lambda/entry/link-function.ts: exports `handler`, the link function (an IoT topic rule invokes it)
//   dist/lambda/package.json      {"type":"commonjs"}: the root package is ESM, the bundles are not
//   dist/lambda.zip               these files, for SAM / the Lambda console
//   dist/lambda-inputs.json       the source files the bundles were built from (what `lambdaIsStale` compares)
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import yazl from "yazl";
import { LAMBDA_ESBUILD } from "./lambda-esbuild.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "dist/lambda");
const zipPath = join(root, "dist/lambda.zip");
const inputsPath = join(root, "dist/lambda-inputs.json");
const ENTRIES = {
  index: "lambda/entry/skill-lambda.ts",
  "skill-core": "lambda/entry/skill-core.ts",
  provision: "lambda/provision/handler.ts",
  "link-function": "lambda/entry/link-function.ts",
};
/**
 * What the entry loads on first use stays in files of their own: a Lambda reads (parses) the whole
 * entry file at its cold start, even the parts a dynamic import keeps unevaluated.
 */
const LOADED_LATER = { "./skill-core.js": "./skill-core.js", "../provision/handler.js": "./provision.js" };
const loadedLater = {
  name: "loaded-later",
  setup(build) {
    build.onResolve({ filter: /^(\.\/skill-core|\.\.\/provision\/handler)\.js$/ }, (args) =>
      args.importer.endsWith(join("lambda", "entry", "skill-lambda.ts")) ? { path: LOADED_LATER[args.path], external: true } : undefined,
    );
  },
};
const FILES = [...Object.keys(ENTRIES).map((name) => `${name}.js`), "package.json"];
/** Not inputs esbuild reports, but they change the bundle all the same. */
const SETTINGS = ["package.json", "package-lock.json", "scripts/build-lambda.mjs", "scripts/lambda-esbuild.mjs"];

/** True when a bundle is missing or a file it was built from (or a build setting) changed since. */
export function lambdaIsStale() {
  if (FILES.some((name) => !existsSync(join(outDir, name))) || !existsSync(zipPath) || !existsSync(inputsPath)) return true;
  const built = Math.min(...FILES.map((name) => statSync(join(outDir, name)).mtimeMs));
  const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
  return [...inputs, ...SETTINGS].some((p) => !existsSync(join(root, p)) || statSync(join(root, p)).mtimeMs > built);
}

/** Builds the bundles and the zip; returns the one-line summary. Each file is replaced whole, so a reader never sees half of one. */
export async function buildLambda() {
  const results = await Promise.all(
    Object.entries(ENTRIES).map(([name, source]) =>
      build({
        ...LAMBDA_ESBUILD,
        ...(name === "index" ? { plugins: [...LAMBDA_ESBUILD.plugins, loadedLater] } : {}),
        entryPoints: [join(root, source)],
        absWorkingDir: root,
        write: false,
        outfile: join(outDir, `${name}.js`),
        metafile: true,
      }),
    ),
  );

  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))];
  // The skill sees only the contract: any other file of the bridge in the bundle is a leak.
  const bridgeInternal = (p) => /(^|\/)matter-bridge\//.test(p) && !/(^|\/)matter-bridge\/contract\//.test(p);
  const leaked = inputs.filter((p) => /node_modules\/(@matter|@project-chip)\//.test(p) || bridgeInternal(p));
  if (leaked.length)
    throw new Error(`The Lambda bundle must not contain the bridge or matter.js, but it includes:\n  ${leaked.slice(0, 10).join("\n  ")}`);

  const contents = { "package.json": `${JSON.stringify({ type: "commonjs" })}\n` };
  Object.keys(ENTRIES).forEach((name, i) => {
    contents[`${name}.js`] = Buffer.from(results[i].outputFiles[0].contents);
  });
  const atomic = (path, data) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  };
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) if (!FILES.includes(name)) rmSync(join(outDir, name), { recursive: true, force: true });
  for (const name of FILES) atomic(join(outDir, name), contents[name]);

  const zip = new yazl.ZipFile();
  for (const name of FILES) zip.addBuffer(Buffer.from(contents[name]), name, { mtime: new Date(0), mode: 0o100644 });
  zip.end();
  const zipTmp = `${zipPath}.${process.pid}.tmp`;
  await new Promise((resolve, reject) => zip.outputStream.pipe(createWriteStream(zipTmp)).on("close", resolve).on("error", reject));
  renameSync(zipTmp, zipPath);
  atomic(inputsPath, `${JSON.stringify(inputs.filter((p) => !p.includes(":")))}\n`);

  const kib = (path) => (statSync(path).size / 1024).toFixed(1);
  return `Lambda bundle: dist/lambda/index.js ${kib(join(outDir, "index.js"))} KiB, dist/lambda.zip ${kib(zipPath)} KiB (${inputs.length} modules); the link function: dist/lambda/link-function.js ${kib(join(outDir, "link-function.js"))} KiB`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    console.log(await buildLambda());
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
