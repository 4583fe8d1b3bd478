/** The four seed documents every figure traces back to (../shared/seeds/ beside the repo). */
export const SEED_FILES = {
  hiringAndUpskilling: "000_25832a8dc8d468ae.txt",
  hiringProfiles: "001_97ad72b99bcffe8a.txt",
  careerGuide: "002_d3de01ece2beeeeb.txt",
  teamBuildingTalk: "003_33d0e683a45af284.txt",
} as const;

export type SeedFile = (typeof SEED_FILES)[keyof typeof SEED_FILES];

/** Each seed's own title: the heading (or front-matter title) it opens with. */
export const SEED_TITLES: Record<SeedFile, string> = {
  [SEED_FILES.hiringAndUpskilling]: "Hiring and Upskilling for AI",
  [SEED_FILES.hiringProfiles]: "Hiring Profiles for AI Products",
  [SEED_FILES.careerGuide]: "Why AI Careers Are Booming in 2026",
  [SEED_FILES.teamBuildingTalk]: "Hiring and Building Effective AI Teams",
};

/**
 * Where a figure or a fact comes from: the seed file (exact provenance), its title (what a person
 * reads), its section, and the words it says.
 */
export interface Source {
  file: SeedFile;
  title: string;
  section: string;
  quote: string;
}

export function source(file: SeedFile, section: string, quote: string): Source {
  return { file, title: SEED_TITLES[file], section, quote };
}

/** A seed as a person reads it: its title and number, "Hiring and Upskilling for AI (000)". */
export function seedName(file: SeedFile): string {
  return `${SEED_TITLES[file]} (${file.slice(0, 3)})`;
}

/**
 * A source as a person reads it: `Hiring and Upskilling for AI (000) › Salary ranges`, with
 * `: "the words"` unless `quote` is false. Every surface a person reads cites with this.
 */
export function citation(s: Pick<Source, "file" | "section" | "quote">, quote = true): string {
  const where = `${seedName(s.file)} › ${s.section}`;
  return quote ? `${where}: "${s.quote}"` : where;
}

export const S000 = SEED_FILES.hiringAndUpskilling;
export const S001 = SEED_FILES.hiringProfiles;
export const S002 = SEED_FILES.careerGuide;
export const S003 = SEED_FILES.teamBuildingTalk;
