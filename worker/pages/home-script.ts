/**
 * The home page's calculator (served as /assets/home.js): fills the role, level and location
 * choices from /v1/roles, /v1/levels and /v1/locations, and shows what /v1/salary and /v1/team
 * answer, with their sources. API text is always set as text, never parsed as HTML. Plain ES2017.
 */
export const HOME_JS = `(function () {
  "use strict";
  var problem = document.getElementById("calc-status");

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") node.textContent = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok) throw new Error((body && body.detail) || "The API answered " + res.status + " for " + url);
        return body;
      });
    });
  }

  // Whole amounts without cents ($240,000); others with both digits ($235,806.50).
  function money(value, currency) {
    var digits = Number.isInteger(value) ? 0 : 2;
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency || "USD", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }

  function fill(select, options, preferred) {
    select.textContent = "";
    options.forEach(function (o) {
      var option = el("option", { value: o.value, text: o.label });
      if (o.value === preferred) option.selected = true;
      select.appendChild(option);
    });
    select.disabled = false;
  }

  function showIn(target, nodes) {
    target.textContent = "";
    nodes.forEach(function (n) { if (n) target.appendChild(n); });
  }

  function failure(target, err) {
    showIn(target, [el("p", { class: "problem", role: "alert", text: err.message })]);
  }

  function requestLine(url) {
    return el("p", { class: "small muted" }, ["Request: ", el("a", { href: url }, [el("code", { text: "GET " + url })])]);
  }

  function sourceList(sources) {
    return el("ul", { class: "sources" }, sources.map(function (s) {
      return el("li", { text: s.file + " › " + s.section + ": “" + s.quote + "”" });
    }));
  }

  // Choices --------------------------------------------------------------------------------
  var role = document.getElementById("salary-role");
  var level = document.getElementById("salary-level");
  var place = document.getElementById("salary-location");
  var salarySubmit = document.getElementById("salary-submit");

  Promise.all([getJson("/v1/roles"), getJson("/v1/levels"), getJson("/v1/locations")])
    .then(function (r) {
      var withSalaries = r[0].roles.filter(function (x) {
        return Object.keys(x.levelsWithData).some(function (b) { return x.levelsWithData[b].length > 0; });
      });
      fill(role, withSalaries.map(function (x) { return { value: x.name, label: x.name }; }), "ML Engineer");
      fill(level, r[1].levels.map(function (x) {
        var years = x.maxYears === null || x.maxYears === undefined ? x.minYears + "+ years" : x.minYears + "–" + x.maxYears + " years";
        return { value: x.name, label: x.name + " (" + years + ")" };
      }), "Mid");
      fill(place, r[2].locations.map(function (x) { return { value: x.name, label: x.name }; }), "Austin, TX");
      salarySubmit.disabled = false;
    })
    .catch(function (err) { problem.textContent = "Could not load the roles, levels and locations: " + err.message; });

  // Salary ---------------------------------------------------------------------------------
  var salaryResult = document.getElementById("salary-result");
  document.getElementById("salary-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var q = new URLSearchParams({ role: role.value, level: level.value, location: place.value, basis: document.getElementById("salary-basis").value });
    var url = "/v1/salary?" + q.toString();
    showIn(salaryResult, [el("p", { class: "muted", text: "Asking the API…" })]);
    getJson(url).then(function (s) {
      var figure = function (name, key) {
        return el("div", {}, [el("span", { class: "muted small", text: name }), el("br"), el("strong", { id: "salary-" + key, "data-value": String(s[key]), text: money(s[key], s.currency) + (key === "high" && s.openEnded ? "+" : "") })]);
      };
      var origin = s.provenance === "workspace" ? "From your workspace's salary bands." : s.derived ? "Derived from other seed figures." : "From the seed data.";
      showIn(salaryResult, [
        el("h3", { id: "salary-heading", text: s.role + " · " + s.level + " · " + s.location }),
        el("div", { class: "figures" }, [figure("Low", "low"), figure("Mid", "mid"), figure("High", "high")]),
        el("p", { id: "salary-method" }, [el("strong", { text: origin }), " How: " + s.method + " ", el("span", { class: "muted", text: "(" + (s.basis === "total" ? "total compensation" : s.basis + " salary") + ", " + s.currency + " a year)" })]),
        s.sources.length ? el("p", { class: "small", text: "Sources:" }) : null,
        s.sources.length ? sourceList(s.sources) : null,
        s.notes.length ? el("ul", { class: "small muted" }, s.notes.map(function (n) { return el("li", { text: n }); })) : null,
        requestLine(url),
      ]);
    }, function (err) { failure(salaryResult, err); });
  });

  // Team -----------------------------------------------------------------------------------
  var teamResult = document.getElementById("team-result");
  document.getElementById("team-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var projects = document.getElementById("team-projects").value.trim();
    var q = new URLSearchParams({ projects: projects, projectsPerEngineer: document.getElementById("team-per-engineer").value });
    var url = "/v1/team?" + q.toString();
    showIn(teamResult, [el("p", { class: "muted", text: "Asking the API…" })]);
    getJson(url).then(function (t) {
      var names = ["Engineers", "Data people", "Product managers", "Managers"];
      var keys = ["engineers", "dataPeople", "productManagers", "managers"];
      var rows = keys.map(function (k, i) {
        var rule = t.rules[i];
        return el("tr", {}, [
          el("th", { scope: "row", text: names[i] }),
          el("td", { class: "num", id: "team-" + k, "data-value": String(t[k]), text: String(t[k]) }),
          el("td", { text: rule ? rule.formula : "" }),
          el("td", { class: "how", text: rule ? rule.source.file + " › " + rule.source.section + ": “" + rule.source.quote + "”" : "" }),
        ]);
      });
      var table = el("table", {}, [
        el("caption", { text: "Recommended team for " + t.projects + " projects (one engineer per " + t.projectsPerEngineer + ")" }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Who" }), el("th", { scope: "col", class: "num", text: "Count" }), el("th", { scope: "col", text: "Rule" }), el("th", { scope: "col", text: "Source" })])]),
        el("tbody", {}, rows),
        el("tfoot", {}, [el("tr", {}, [el("th", { scope: "row", text: "Total" }), el("td", { class: "num", id: "team-total", "data-value": String(t.total), text: String(t.total) }), el("td"), el("td")])]),
      ]);
      showIn(teamResult, [el("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-label": "Recommended team" }, [table]), requestLine(url)]);
    }, function (err) { failure(teamResult, err); });
  });
})();
`;
