/** `npm run bench`: prints numbers and ratios; nothing here is asserted. */
import { benchDose } from "./dose.js";
import { benchLambda } from "./lambda.js";
import { printTable } from "./stats.js";

const suites: Array<[string, () => Promise<Record<string, number>>]> = [
  ["dose guard", benchDose],
  ["skill Lambda bundle", benchLambda],
];

for (const [name, run] of suites) printTable(name, await run());
