// The largest requests the work budget lets each compute route take, built from the budget's own
// estimators: the fuzz test sends them (each must answer 2xx) and `npm run bench` times them
// (each within 50 ms of server time), so both measure the same requests.
import {
  comparisonWork,
  HIRE_VS_UPSKILL_LIMITS,
  MAX_SCENARIOS,
  modelWork,
  planRangeWork,
  planWork,
  WORK_BUDGET,
} from "../../shared/index.js";

/** Hire rows of every shape the engines price (aliases, levels as years, locations, channels). */
export function heavyHires(n: number, slip?: unknown) {
  return Array.from({ length: n }, (_, i) => ({
    role: ["ML Engineer", "Data Scientist", "MLE", "Machine Learning Engineer"][i % 4]!,
    level: ["Mid", "Senior", 4, "Entry"][i % 4]!,
    ...(i % 4 === 3 ? {} : { location: ["Austin", "SF", "London"][i % 4]! }),
    startMonth: 1 + (i % 120),
    count: 1 + (i % 3),
    ...(i % 5 === 0 ? { channel: "recruiter" } : {}),
    ...(slip === undefined ? {} : { slipMonths: slip }),
  }));
}

/** The largest n whose estimated cost fits the work budget. */
export function largestWithin(cost: (n: number) => number, max = 5000): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost(mid) <= WORK_BUDGET) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The largest plan, range, comparison and model bodies the budget accepts, 120 months each. */
export function largestRequests() {
  const scenarios = Array.from({ length: MAX_SCENARIOS }, (_, i) => ({
    name: `Scenario ${i + 1}`,
    overrides: { slipMonths: [0, 24] as [number, number], salaryChange: 0.05, startMonthShift: i },
  }));
  // A finance plan whose merit month gives each start of a row its own cost curve, with every
  // cost line the JSON routes take: the range engine's most expensive rows.
  const financeCalendar = {
    horizonMonths: 120,
    startDate: "2027-01",
    benefitsRate: 0.25,
    annualRaise: 0.04,
    raiseMonth: 4,
    bonusRate: 0.1,
    equityRate: 0.1,
    attritionRate: 0.1,
    slipMonths: 24,
  };
  const rows = {
    plan: largestWithin((n) => planWork({ horizonMonths: 120, hires: heavyHires(n) }).units),
    range: largestWithin(
      (n) => planRangeWork({ horizonMonths: 120, slipMonths: 24, hires: heavyHires(n) }).units,
    ),
    rangeCalendar: largestWithin(
      (n) => planRangeWork({ ...financeCalendar, hires: heavyHires(n) }).units,
    ),
    compare: largestWithin(
      (n) => comparisonWork({ horizonMonths: 120, hires: heavyHires(n) }, scenarios).units,
    ),
    model: largestWithin(
      (n) => modelWork({ horizonMonths: 120, hires: heavyHires(n), scenarios }).units,
    ),
  };
  const bodies = {
    plan: {
      horizonMonths: 120,
      benefitsRate: 0.3,
      annualRaise: 0.05,
      hires: heavyHires(rows.plan),
    },
    range: { horizonMonths: 120, slipMonths: 24, hires: heavyHires(rows.range) },
    rangeCalendar: { ...financeCalendar, hires: heavyHires(rows.rangeCalendar) },
    compare: { base: { horizonMonths: 120, hires: heavyHires(rows.compare) }, scenarios },
    model: { horizonMonths: 120, hires: heavyHires(rows.model), scenarios },
    // A fixed cost whatever the input (closed-form sums): every option, each at its limit.
    hireVsUpskill: {
      targetRole: "ML Engineer",
      level: "Senior",
      location: "SF",
      fromRole: "Backend engineer",
      horizonMonths: 120,
      timeToFillMonths: { ...HIRE_VS_UPSKILL_LIMITS.timeToFillMonths },
      onboardingWeeks: HIRE_VS_UPSKILL_LIMITS.onboardingWeeks.max,
      channel: "recruiter",
      trainingCostPerPerson: HIRE_VS_UPSKILL_LIMITS.trainingCostPerPerson.max,
      mentorship: true,
      bootcamp: true,
      learningTimeShare: HIRE_VS_UPSKILL_LIMITS.learningTimeShare.max,
    },
  };
  return { scenarios, rows, bodies };
}
