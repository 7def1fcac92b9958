/**
 * The region catalogue: the one source of region data for the bridge, the skill and the dashboard.
 * Texts follow the guide's routine (positions, warm-up movements, self-release), in our own words.
 */
export const REGION_IDS = ["neck-shoulders", "mid-back", "low-back-hips"] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface Region {
  id: RegionId;
  displayName: string;
  /** Spoken form, e.g. "neck and shoulders". */
  spokenName: string;
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
    spokenName: "neck and shoulders",
    defaultSeconds: 600,
    positioningTip: "Sit or stand with your back to the panel so the light covers the base of your skull, your neck and your upper back.",
    movements: ["slow neck rotations", "shoulder rolls", "gentle chin tucks"],
    selfRelease: "a soft ball against a wall on the tops of the shoulders, with comfortable pressure",
    afterWorkouts: ["upper-body", "full-body", "desk"],
  },
  "mid-back": {
    id: "mid-back",
    displayName: "Mid back",
    spokenName: "mid back",
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
    spokenName: "low back and hips",
    defaultSeconds: 900,
    positioningTip: "Stand or lie so the panel lights your lower back and glutes; turn a little on some days to reach different angles.",
    movements: ["cat-cow", "hip openers", "gentle knee-to-chest stretches"],
    selfRelease: "a soft ball or foam roller on the glutes, staying with comfortable pressure",
    afterWorkouts: ["legs", "run", "cycling", "back", "full-body"],
  },
};

export const isRegionId = (value: unknown): value is RegionId =>
  typeof value === "string" && (REGION_IDS as readonly string[]).includes(value);
