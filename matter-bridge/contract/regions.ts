/**
 * The region catalogue: the one source of region data for the bridge, the skill and the dashboard.
 * Texts follow the guide's routine (positions, warm-up movements, self-release), in our own words.
 */
export const REGION_IDS = ["neck-shoulders", "mid-back", "low-back-hips"] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface Region {
  id: RegionId;
  displayName: string;
  /** A short everyday name, e.g. "Low back": the region's Matter switch is "<shortName> session". */
  shortName: string;
  /** Spoken form, e.g. "neck and shoulders" (also the value of the skill's Region slot). */
  spokenName: string;
  /** Other words people use for the region: synonyms of the skill's Region slot. */
  synonyms: readonly string[];
  /** More synonyms heard only in British English (the en-GB interaction model adds them). */
  britishSynonyms?: readonly string[];
  /** The region's colour in charts (the dashboard), as #rrggbb. */
  colour: `#${string}`;
  defaultSeconds: number;
  /** Where to stand or sit and what the light should cover. */
  positioningTip: string;
  /** Gentle warm-up movements for a few minutes before the light. */
  movements: string[];
  /** Optional self-release before the light. */
  selfRelease: string;
  /** Workout kinds after which this region is a good fit. */
  afterWorkouts: WorkoutKind[];
}

export const WORKOUT_KINDS = ["legs", "run", "cycling", "upper-body", "back", "full-body", "desk"] as const;
export type WorkoutKind = (typeof WORKOUT_KINDS)[number];

export const REGIONS: Record<RegionId, Region> = {
  "neck-shoulders": {
    id: "neck-shoulders",
    displayName: "Neck & shoulders",
    shortName: "Neck",
    spokenName: "neck and shoulders",
    synonyms: [
      "neck",
      "shoulders",
      "shoulder",
      "my neck",
      "neck area",
      "neck and shoulder",
      "upper traps",
      "traps",
      "trapezius",
      "base of my skull",
      "base of the skull",
      "upper shoulders",
      "top of my shoulders",
      "shoulder girdle",
      "stiff neck",
      "neck shoulders",
      "my shoulders",
      "shoulders and neck",
      "neck and traps",
      "back of my neck",
      "back of the neck",
      "tops of my shoulders",
      "upper neck",
    ],
    colour: "#e8a33d",
    defaultSeconds: 600,
    positioningTip: "Sit or stand with your back to the panel so the light covers the base of your skull, your neck and your upper back.",
    movements: ["slow neck rotations", "shoulder rolls", "gentle chin tucks"],
    selfRelease: "a soft ball against a wall on the tops of the shoulders, with comfortable pressure",
    afterWorkouts: ["upper-body", "full-body", "desk"],
  },
  "mid-back": {
    id: "mid-back",
    displayName: "Mid back",
    shortName: "Mid back",
    spokenName: "mid back",
    synonyms: [
      "middle back",
      "midback",
      "upper back",
      "between the shoulder blades",
      "between my shoulder blades",
      "shoulder blades",
      "thoracic",
      "thoracic spine",
      "mid spine",
      "middle of my back",
      "middle of the back",
      "upper spine",
      "rhomboids",
      "my upper back",
      "my mid back",
      "middle of the spine",
      "centre of my back",
      "center of my back",
      "upper and middle back",
      "between my shoulders",
    ],
    colour: "#d0533a",
    defaultSeconds: 720,
    positioningTip:
      "Sit with the panel behind you at the recommended distance so the light covers your shoulder blades and the middle of your spine.",
    movements: ["cat-cow", "shoulder rolls", "gentle seated twists"],
    selfRelease: "a foam roller along the upper and middle back, staying with comfortable pressure",
    afterWorkouts: ["upper-body", "back", "full-body", "cycling", "desk"],
  },
  "low-back-hips": {
    id: "low-back-hips",
    displayName: "Low back & hips",
    shortName: "Low back",
    spokenName: "low back and hips",
    synonyms: [
      "low back",
      "lower back",
      "my lower back",
      "lumbar",
      "lumbar spine",
      "hips",
      "hip",
      "my hips",
      "glutes",
      "glute",
      "butt",
      "buttocks",
      "sacrum",
      "lower spine",
      "hip rotators",
      "low back and hip",
      "lower back and hips",
      "back and hips",
      "si joint",
      "my low back",
      "small of my back",
      "small of the back",
      "bottom of my back",
      "lumbar region",
      "hips and lower back",
      "lower back and hip",
      "piriformis",
    ],
    britishSynonyms: ["bum", "backside"],
    colour: "#8c1c24",
    defaultSeconds: 900,
    positioningTip: "Stand or lie so the panel lights your lower back and glutes; turn a little on some days to reach different angles.",
    movements: ["cat-cow", "hip openers", "gentle knee-to-chest stretches"],
    selfRelease: "a soft ball or foam roller on the glutes, staying with comfortable pressure",
    afterWorkouts: ["legs", "run", "cycling", "back", "full-body"],
  },
};

export const isRegionId = (value: unknown): value is RegionId =>
  typeof value === "string" && (REGION_IDS as readonly string[]).includes(value);
