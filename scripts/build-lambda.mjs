// `npm run build`: the skill as one CommonJS bundle for AWS Lambda (Node.js 22, runtime nodejs22.x).
//   dist/lambda/index.js       lambda/entry/skill-lambda.ts: exports `handler` and `provision`; @aws-sdk/* stays external (the runtime ships SDK v3)
//   dist/lambda/link-function.js  lambda/entry/link-function.ts: exports `handler`, the link function (an IoT topic rule invokes it)
//   dist/lambda/package.json   {"type":"commonjs"}: the root package is ESM, the bundle is not
//   dist/lambda.zip            both files, for SAM / the Lambda console
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import yazl from "yazl";
import { LAMBDA_ESBUILD } from "./lambda-esbuild.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "dist/lambda");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const ENTRIES = { index: "lambda/entry/skill-lambda.ts", "link-function": "lambda/entry/link-function.ts" };
const results = await Promise.all(
  Object.entries(ENTRIES).map(([name, source]) =>
    build({ ...LAMBDA_ESBUILD, entryPoints: [join(root, source)], outfile: join(outDir, `${name}.js`), metafile: true }),
  ),
);

const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))];
// The skill sees only the contract: any other file of the bridge in the bundle is a leak.
const bridgeInternal = (p) => /(^|\/)matter-bridge\//.test(p) && !/(^|\/)matter-bridge\/contract\//.test(p);
const leaked = inputs.filter((p) => /node_modules\/(@matter|@project-chip)\//.test(p) || bridgeInternal(p));
if (leaked.length) {
  console.error(`The Lambda bundle must not contain the bridge or matter.js, but it includes:\n  ${leaked.slice(0, 10).join("\n  ")}`);
  process.exit(1);
}
writeFileSync(join(outDir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

const zip = new yazl.ZipFile();
for (const name of [...Object.keys(ENTRIES).map((n) => `${n}.js`), "package.json"])
  zip.addBuffer(readFileSync(join(outDir, name)), name, { mtime: new Date(0), mode: 0o100644 });
zip.end();
const zipPath = join(root, "dist/lambda.zip");
await new Promise((resolve, reject) => zip.outputStream.pipe(createWriteStream(zipPath)).on("close", resolve).on("error", reject));

const kib = (path) => (statSync(path).size / 1024).toFixed(1);
console.log(
  `Lambda bundle: dist/lambda/index.js ${kib(join(outDir, "index.js"))} KiB, dist/lambda.zip ${kib(zipPath)} KiB (${inputs.length} modules); the link function: dist/lambda/link-function.js ${kib(join(outDir, "link-function.js"))} KiB`,
);
