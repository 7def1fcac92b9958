import type { RequestHandler } from "ask-sdk-core";
import { REGION_IDS } from "../../matter-bridge/contract/index.js";
import { deps, intentOf, speech } from "../context.js";
import { ask, bridgeTrouble, tell } from "../respond.js";
import { showPanels } from "../screen/index.js";
import { regionSlot } from "../slots.js";
import { isIntent } from "./match.js";

/** "When can I do my neck again?" / "How much have I used today?" — the bridge's rolling windows. */
export const DoseStatusHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "DoseStatusIntent"),
  async handle(h) {
    const s = speech(h);
    const region = regionSlot(intentOf(h));
    if (region.kind === "invalid") return ask(h, s.unknownRegion(region.heard), s.askRegion());
    const result = await deps(h).bridge.dose();
    if (result.kind !== "ok") return tell(h, bridgeTrouble(h, result));
    const dose = result.value;
    await showPanels(h, { dose });
    const now = deps(h).now();
    const cap = (id: string) => {
      const d = dose.regions[id];
      return d.capFluenceJPerCm2 ?? d.usedFluenceJPerCm2 + d.remainingFluenceJPerCm2;
    };
    if (region.kind === "ok") {
      const d = dose.regions[region.value];
      if (!d) return tell(h, s.error());
      const next = d.nextAllowedAt === null ? null : Math.max(0, (Date.parse(d.nextAllowedAt) - now) / 1000);
      return tell(h, s.doseRegion(region.value, d.usedFluenceJPerCm2, cap(region.value), next));
    }
    const parts = REGION_IDS.filter((id) => dose.regions[id]).map((id) => ({
      region: id,
      percent: Math.round((100 * dose.regions[id].usedFluenceJPerCm2) / (cap(id) || 1)),
    }));
    return tell(h, s.doseOverall(parts, Math.round(dose.onSeconds24h / 60), Math.round(dose.remainingOnSeconds24h / 60)));
  },
};
