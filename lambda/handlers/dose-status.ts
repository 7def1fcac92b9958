import type { RequestHandler } from "ask-sdk-core";
import { REGION_IDS } from "../../matter-bridge/contract/regions.js";
import { addressed, identify } from "../flows/person.js";
import { regionSlot } from "../language/slots.js";
import { deps, intentOf, speech } from "../request/context.js";
import { ask, bridgeTrouble, tell } from "../request/respond.js";
import { showPanels } from "../screen/index.js";
import { isIntent } from "./match.js";

/** "When can I do my neck again?" / "How much have I used today?" — the bridge's rolling windows, for the person asking. */
export const DoseStatusHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "DoseStatusIntent"),
  async handle(h) {
    const s = speech(h);
    const region = regionSlot(intentOf(h));
    if (region.kind === "invalid") return ask(h, s.unknownRegion(region.heard), s.askRegion());
    const who = await identify(h);
    if (who.kind === "reply") return who.response;
    const { person } = who;
    const result = await deps(h).bridge.dose(person.id);
    if (result.kind !== "ok") return tell(h, bridgeTrouble(h, result));
    const dose = result.value;
    const regions = dose.people.find((p) => p.id === person.id)?.regions;
    if (!regions) return tell(h, s.error());
    await showPanels(h, { readDose: async () => dose });
    const now = deps(h).clock.now();
    const cap = (id: string) => {
      const d = regions[id];
      return d.capFluenceJPerCm2 ?? d.usedFluenceJPerCm2 + d.remainingFluenceJPerCm2;
    };
    if (region.kind === "ok") {
      const d = regions[region.value];
      if (!d) return tell(h, s.error());
      const next = d.nextAllowedAt === null ? null : Math.max(0, (Date.parse(d.nextAllowedAt) - now) / 1000);
      return tell(h, addressed(h, person, s.doseRegion(region.value, d.usedFluenceJPerCm2, cap(region.value), next)));
    }
    const parts = REGION_IDS.filter((id) => regions[id]).map((id) => ({
      region: id,
      percent: Math.round((100 * regions[id].usedFluenceJPerCm2) / (cap(id) || 1)),
    }));
    // The panel's own on-time (it protects the device, whoever sat in front of it): the first panel's.
    const panel = dose.panels[0];
    return tell(
      h,
      addressed(
        h,
        person,
        s.doseOverall(parts, Math.round((panel?.onSeconds24h ?? 0) / 60), Math.round((panel?.remainingOnSeconds24h ?? 0) / 60)),
      ),
    );
  },
};
