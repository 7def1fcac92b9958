/** `npm run models`: writes models/interactionModels/custom/<locale>.json for every locale the skill speaks. */
import { writeFileSync } from "node:fs";
import { SKILL_LOCALES } from "../language/speech/index.js";
import { interactionModel, modelPath } from "./build.js";

for (const locale of SKILL_LOCALES) {
  writeFileSync(modelPath(locale), `${JSON.stringify(interactionModel(locale), null, 2)}\n`);
  console.log(`wrote ${modelPath(locale)}`);
}
