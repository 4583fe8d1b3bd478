// The inputs every section uses, built from the core's own lists so they stay valid as the dataset
// grows: salary queries that have data, and the 1,000-hire × 60-month plan.

/** Every (role, level, location) the core answers with a salary (no NO_DATA), in a fixed order. */
export function salaryQueries(core) {
  const out = [];
  for (const role of core.listRoles()) {
    for (const level of core.listLevels()) {
      for (const location of core.listLocations()) {
        try {
          core.salaryRange({ role: role.name, level: level.name, location: location.name });
          out.push({ role: role.name, level: level.name, location: location.name });
        } catch {
          // no data for this cell: not a workload
        }
      }
    }
  }
  if (!out.length) throw new Error("bench: the core answers no salary query");
  return out;
}

/** n hires over a horizon, cycling through answerable cells; salaries come from the dataset, not the input. */
export function bigPlan(queries, hires = 1000, horizonMonths = 60) {
  return {
    horizonMonths,
    benefitsRate: 0.2,
    annualRaise: 0.03,
    hires: Array.from({ length: hires }, (_, i) => {
      const q = queries[i % queries.length];
      return {
        role: q.role,
        level: q.level,
        location: q.location,
        startMonth: 1 + (i % horizonMonths),
        count: 1 + (i % 3),
      };
    }),
  };
}
