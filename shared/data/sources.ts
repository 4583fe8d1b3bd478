/** The four seed documents every figure traces back to (../shared/seeds/ beside the repo). */
export const SEED_FILES = {
  hiringAndUpskilling: "000_25832a8dc8d468ae.txt",
  hiringProfiles: "001_97ad72b99bcffe8a.txt",
  careerGuide: "002_d3de01ece2beeeeb.txt",
  teamBuildingTalk: "003_33d0e683a45af284.txt",
} as const;

export type SeedFile = (typeof SEED_FILES)[keyof typeof SEED_FILES];

/** Where a figure or a fact comes from: the seed file, its section, and the words it says. */
export interface Source {
  file: SeedFile;
  section: string;
  quote: string;
}

export function source(file: SeedFile, section: string, quote: string): Source {
  return { file, section, quote };
}

export const S000 = SEED_FILES.hiringAndUpskilling;
export const S001 = SEED_FILES.hiringProfiles;
export const S002 = SEED_FILES.careerGuide;
export const S003 = SEED_FILES.teamBuildingTalk;
