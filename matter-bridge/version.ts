/**
 * The bridge's version, from package.json (bundled into the compiled bridge, so it always matches
 * the build): `--version`, the log, and Matter's SoftwareVersion / SoftwareVersionString.
 */
import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;

/**
 * Matter's SoftwareVersion is a uint32 that must grow with every release: major, minor and patch
 * packed into 8 bits each (0.1.0 → 256). Never 0, which matter.js reports as a development value.
 */
export function matterSoftwareVersion(version: string = VERSION): number {
  const [major = 0, minor = 0, patch = 0] = (version.match(/^(\d+)\.(\d+)\.(\d+)/)?.slice(1) ?? []).map(Number);
  return Math.max(1, ((major & 0xff) << 16) | ((minor & 0xff) << 8) | (patch & 0xff));
}
