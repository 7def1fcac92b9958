/**
 * Real parts some tests need from the machine. A test that needs one imports its helper (the
 * part's marker); where the part is missing, those test files are left out of the run with one loud line naming the command
 * that installs it, and with CI=true the run fails instead (.ci/run installs every part).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";

export const PARTS = [
  {
    name: "Headless Chromium (the dashboard tests)",
    marker: "helpers/chromium.js",
    path: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    install: "sudo apt-get install -y chromium",
  },
  {
    name: "mosquitto, the MQTT 5 broker playing AWS IoT Core (the cloud-link tests)",
    marker: "helpers/mosquitto.js",
    path: process.env.MOSQUITTO_PATH ?? "/usr/sbin/mosquitto",
    install: "sudo apt-get install -y mosquitto",
  },
  {
    name: "moto_server, the AWS API emulator (the cloud set-up tests)",
    marker: "helpers/moto.js",
    path: "moto_server",
    install: "pip install 'moto[server]' awscli",
  },
];

const onPath = (command) => (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, command)));
const present = (part) => (part.path.includes("/") ? existsSync(part.path) : onPath(part.path));

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

/** Test files to leave out because a part they need is missing (throws under CI=true). */
export function filesMissingParts(testDir) {
  const missing = PARTS.filter((p) => !present(p));
  if (missing.length === 0) return [];
  const files = testFiles(testDir);
  return missing.flatMap((part) => {
    const needing = files.filter((f) => readFileSync(f, "utf8").includes(part.marker));
    const line = `${part.name} is missing (${part.path}): ${needing.length} test file(s) SKIPPED. Install it with: ${part.install}`;
    if (process.env.CI === "true") throw new Error(`${line} — with CI=true a missing part is a failure.`);
    process.stderr.write(`\n!!! ${line}\n\n`);
    return needing;
  });
}
