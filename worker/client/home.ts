// The home page's calculator (served as /assets/home.js): fills the role, level and location
// choices from /v1/roles, /v1/levels and /v1/locations, and shows what /v1/salary and /v1/team
// answer, with their sources.
// The API's answers are the core's types (type-only: nothing of the core is bundled here).
import type { Source, TeamComposition } from "../../shared/index.js";
import { byId, el, getJson, showIn } from "./dom.js";

interface Salary {
  role: string;
  level: string;
  location: string;
  basis: string;
  currency: string;
  low: number;
  mid: number;
  high: number;
  derived: boolean;
  provenance: string;
  method: string;
  sources: Source[];
  notes: string[];
  openEnded: boolean;
}
interface Option {
  value: string;
  label: string;
}

const problem = byId("calc-status");

// Whole amounts without cents ($240,000); others with both digits ($235,806.50).
function money(value: number, currency: string): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency || "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

function fill(select: HTMLSelectElement, options: readonly Option[], preferred: string): void {
  select.textContent = "";
  for (const o of options) {
    const option = el("option", { value: o.value, text: o.label });
    if (o.value === preferred) option.selected = true;
    select.appendChild(option);
  }
  select.disabled = false;
}

function failure(target: Element, err: Error): void {
  showIn(target, [el("p", { class: "problem", role: "alert", text: err.message })]);
}

function requestLine(url: string): HTMLElement {
  return el("p", { class: "small muted" }, [
    "Request: ",
    el("a", { href: url }, [el("code", { text: `GET ${url}` })]),
  ]);
}

/** A source as a person reads it, worded as the core's citation(): title (number) › section. */
const quoted = (s: Source) => `${s.title} (${s.file.slice(0, 3)}) › ${s.section}: “${s.quote}”`;

function sourceList(sources: readonly Source[]): HTMLElement {
  return el(
    "ul",
    { class: "sources" },
    sources.map((s) => el("li", { text: quoted(s) })),
  );
}

// Choices --------------------------------------------------------------------------------
const role = byId<HTMLSelectElement>("salary-role");
const level = byId<HTMLSelectElement>("salary-level");
const place = byId<HTMLSelectElement>("salary-location");
const salarySubmit = byId<HTMLButtonElement>("salary-submit");

Promise.all([
  getJson<{ roles: { name: string; levelsWithData: Record<string, string[]> }[] }>("/v1/roles"),
  getJson<{ levels: { name: string; minYears: number; maxYears: number | null }[] }>("/v1/levels"),
  getJson<{ locations: { name: string }[] }>("/v1/locations"),
])
  .then(([roles, levels, locations]) => {
    const withSalaries = roles.roles.filter((x) =>
      Object.values(x.levelsWithData).some((list) => list.length > 0),
    );
    fill(
      role,
      withSalaries.map((x) => ({ value: x.name, label: x.name })),
      "ML Engineer",
    );
    fill(
      level,
      levels.levels.map((x) => {
        const years =
          x.maxYears === null ? `${x.minYears}+ years` : `${x.minYears}–${x.maxYears} years`;
        return { value: x.name, label: `${x.name} (${years})` };
      }),
      "Mid",
    );
    fill(
      place,
      locations.locations.map((x) => ({ value: x.name, label: x.name })),
      "Austin, TX",
    );
    salarySubmit.disabled = false;
  })
  .catch((err: Error) => {
    problem.textContent = `Could not load the roles, levels and locations: ${err.message}`;
  });

// Salary ---------------------------------------------------------------------------------
const salaryResult = byId("salary-result");
byId("salary-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new URLSearchParams({
    role: role.value,
    level: level.value,
    location: place.value,
    basis: byId<HTMLSelectElement>("salary-basis").value,
  });
  const url = `/v1/salary?${q.toString()}`;
  showIn(salaryResult, [el("p", { class: "muted", text: "Asking the API…" })]);
  getJson<Salary>(url).then(
    (s) => {
      const figure = (name: string, key: "low" | "mid" | "high") =>
        el("div", {}, [
          el("span", { class: "muted small", text: name }),
          el("br"),
          el("strong", {
            id: `salary-${key}`,
            "data-value": String(s[key]),
            text: money(s[key], s.currency) + (key === "high" && s.openEnded ? "+" : ""),
          }),
        ]);
      const origin =
        s.provenance === "workspace"
          ? "From your workspace's salary bands."
          : s.derived
            ? "Derived from other seed figures."
            : "From the seed data.";
      const basis = s.basis === "total" ? "total compensation" : `${s.basis} salary`;
      showIn(salaryResult, [
        el("h3", { id: "salary-heading", text: `${s.role} · ${s.level} · ${s.location}` }),
        el("div", { class: "figures" }, [
          figure("Low", "low"),
          figure("Mid", "mid"),
          figure("High", "high"),
        ]),
        el("p", { id: "salary-method" }, [
          el("strong", { text: origin }),
          ` How: ${s.method} `,
          el("span", { class: "muted", text: `(${basis}, ${s.currency} a year)` }),
        ]),
        s.sources.length ? el("p", { class: "small", text: "Sources:" }) : null,
        s.sources.length ? sourceList(s.sources) : null,
        s.notes.length
          ? el(
              "ul",
              { class: "small muted" },
              s.notes.map((n) => el("li", { text: n })),
            )
          : null,
        requestLine(url),
      ]);
    },
    (err: Error) => failure(salaryResult, err),
  );
});

// Team -----------------------------------------------------------------------------------
const teamResult = byId("team-result");
byId("team-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new URLSearchParams({
    projects: byId<HTMLInputElement>("team-projects").value.trim(),
    projectsPerEngineer: byId<HTMLSelectElement>("team-per-engineer").value,
  });
  const url = `/v1/team?${q.toString()}`;
  showIn(teamResult, [el("p", { class: "muted", text: "Asking the API…" })]);
  getJson<TeamComposition>(url).then(
    (t) => {
      const names = ["Engineers", "Data people", "Product managers", "Managers"];
      const keys = ["engineers", "dataPeople", "productManagers", "managers"] as const;
      const rows = keys.map((k, i) => {
        const rule = t.rules[i];
        return el("tr", {}, [
          el("th", { scope: "row", text: names[i] ?? k }),
          el("td", {
            class: "num",
            id: `team-${k}`,
            "data-value": String(t[k]),
            text: String(t[k]),
          }),
          el("td", { text: rule ? rule.formula : "" }),
          el("td", { class: "how", text: rule ? quoted(rule.source) : "" }),
        ]);
      });
      const header = ["Who", "Count", "Rule", "Source"].map((name) =>
        el("th", { scope: "col", ...(name === "Count" ? { class: "num" } : {}), text: name }),
      );
      const table = el("table", {}, [
        el("caption", {
          text: `Recommended team for ${t.projects} projects (one engineer per ${t.projectsPerEngineer})`,
        }),
        el("thead", {}, [el("tr", {}, header)]),
        el("tbody", {}, rows),
        el("tfoot", {}, [
          el("tr", {}, [
            el("th", { scope: "row", text: "Total" }),
            el("td", {
              class: "num",
              id: "team-total",
              "data-value": String(t.total),
              text: String(t.total),
            }),
            el("td"),
            el("td"),
          ]),
        ]),
      ]);
      showIn(teamResult, [
        el(
          "div",
          {
            class: "table-scroll",
            role: "region",
            tabindex: "0",
            "aria-label": "Recommended team",
          },
          [table],
        ),
        requestLine(url),
      ]);
    },
    (err: Error) => failure(teamResult, err),
  );
});
