/** `npm run bench`: prints numbers and ratios; nothing here is asserted. */
import { benchDose } from "./dose.js";
import { printTable } from "./stats.js";

const suites: Array<[string, () => Promise<Record<string, number>>]> = [["dose guard", benchDose]];

for (const [name, run] of suites) printTable(name, await run());
