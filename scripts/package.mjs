// `npm run package`: everything the deployment tools need, under dist/.
//   dist/lambda/ + dist/lambda.zip   the skill's Lambda bundle (SAM CodeUri: deploy/template.yaml)
//   dist/skill-package.zip           models/ as a skill package, for a console import (`ask deploy` uploads models/ itself)
import { execFileSync } from "node:child_process";
import { createWriteStream, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import yazl from "yazl";

const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync(process.execPath, [join(root, "scripts/build-lambda.mjs")], { stdio: "inherit", cwd: root });

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const zip = new yazl.ZipFile();
const models = join(root, "models");
for (const file of walk(models)) zip.addFile(file, join("skill-package", relative(models, file)), { mtime: new Date(0) });
zip.end();
const out = join(root, "dist/skill-package.zip");
await new Promise((resolve, reject) => zip.outputStream.pipe(createWriteStream(out)).on("close", resolve).on("error", reject));

console.log(`
Packaged:
  dist/lambda.zip          Lambda bundle (handler index.handler, runtime nodejs22.x)
  dist/skill-package.zip   interaction models + skill.json
Next (docs/skill-deployment.md, "Deploying: AWS Lambda"):
  ask deploy --target skill-metadata                          # first time only: creates the skill, prints its id
  sam deploy --guided --template-file deploy/template.yaml    # Lambda + DynamoDB table + token secret (SkillId = that id)
  npm run endpoint -- --stack <stack name>                    # the function's ARN into models/skill.json
  ask deploy                                                  # skill package with that endpoint; enables testing`);
