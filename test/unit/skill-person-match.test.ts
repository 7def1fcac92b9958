/** Which of the bridge's people a spoken name means (the answer to "who is this?"). */
import { describe, expect, it } from "@jest/globals";
import { matchPerson } from "../../lambda/flows/person.js";
import { ENGLISH_SYMPTOMS } from "../../lambda/language/symptoms/en.js";
import { isSymptomPhrase } from "../../lambda/language/symptoms/index.js";
import { migrateAccountData, parseUserData } from "../../lambda/user-data/schema.js";
import { intentRequest, invoke } from "../helpers/envelopes.js";
import { testSkill } from "../helpers/voice.js";

const PEOPLE = [
  { id: "anna", name: "Anna" },
  { id: "ben", name: "Ben" },
  { id: "zoe-m", name: "Zoë Miller" },
];

describe("matchPerson", () => {
  it.each([
    ["Anna", "anna"],
    ["anna", "anna"],
    ["it's Ben", "ben"],
    ["Ben's", "ben"],
    ["for ben please", "ben"],
    ["Zoe", "zoe-m"],
    ["zoë miller", "zoe-m"],
    ["zoe-m", "zoe-m"],
  ])("%s → %s", (heard, id) => {
    expect(matchPerson(heard, PEOPLE)?.id).toBe(id);
  });

  it.each([["Carla"], [""], ["   "], ["Anna and Ben"]])("%j → nobody", (heard) => {
    expect(matchPerson(heard, PEOPLE)).toBeUndefined();
  });

  it("two people with the same first name: only the whole name picks one", () => {
    const twins = [
      { id: "anna-s", name: "Anna Smith" },
      { id: "anna-j", name: "Anna Jones" },
    ];
    expect(matchPerson("Anna", twins)).toBeUndefined();
    expect(matchPerson("Anna Jones", twins)?.id).toBe("anna-j");
  });
});

describe("the account's data from before people", () => {
  it("is merged into the default person's, in time order, keeping the newer caution answer", () => {
    const data = parseUserData({
      caution: { version: 1, acknowledgedAt: 10 },
      spasms: [5, 1],
      tenderness: [{ at: 3, score: 4 }],
      rom: [],
      people: { ben: { caution: { version: 2, acknowledgedAt: 20 }, spasms: [2], tenderness: [], rom: [{ at: 4, change: "better" }] } },
    });
    const moved = migrateAccountData(data, "ben");
    expect(moved.people.ben).toEqual({
      caution: { version: 2, acknowledgedAt: 20 },
      spasms: [1, 2, 5],
      tenderness: [{ at: 3, score: 4 }],
      rom: [{ at: 4, change: "better" }],
    });
    expect({ caution: moved.caution, spasms: moved.spasms, tenderness: moved.tenderness, rom: moved.rom }).toEqual({
      caution: undefined,
      spasms: [],
      tenderness: [],
      rom: [],
    });
    expect(migrateAccountData(moved, "anna")).toBe(moved);
  });
});

describe("a red flag heard as a name", () => {
  it("every Symptom value and synonym is a symptom phrase; names and other words are not", () => {
    for (const phrase of Object.values(ENGLISH_SYMPTOMS).flatMap((s) => [s.value, ...s.synonyms]))
      expect({ phrase, symptom: isSymptomPhrase(phrase) }).toEqual({ phrase, symptom: true });
    expect(isSymptomPhrase("I CAN’T control my bladder")).toBe(true);
    for (const word of ["Anna", "Ben", "dizziness", "for Anna", "weak"])
      expect({ word, symptom: isSymptomPhrase(word) }).toEqual({ word, symptom: false });
  });

  it.each([{ name: "losing weight" }, { forName: "numbness" }])(
    "IdentifyPersonIntent whose slot heard a symptom (%o) gets the red-flag advice, not the fallback or a who-question reply",
    async (slot) => {
      const { skill } = await testSkill("http://127.0.0.1:9", "t", { timeoutMs: 200 });
      const [slotName, value] = Object.entries(slot)[0];
      const r = await invoke(
        skill,
        intentRequest("IdentifyPersonIntent", { [slotName]: { value } }, { userId: "amzn1.ask.account.SYMPTOM" }),
      );
      expect(r.text).toContain("prompt medical evaluation");
      expect(r.ended).toBe(true);
    },
  );
});
