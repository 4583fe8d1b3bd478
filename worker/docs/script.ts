/**
 * The /docs page's script (served as /docs/docs.js): renders the reference from /openapi.json and
 * a "try it" form per route that calls this same origin. Plain ES5 in a String.raw template (so it
 * holds no backtick and no dollar-brace); tests/e2e/start.test.ts runs it in headless Chromium.
 */
export const DOCS_JS = String.raw`// Renders the API reference from /openapi.json: routes by tag, parameters, bodies, responses,
// and a "try it" form per route that calls this same origin. No other host is ever contacted.
(function () {
  "use strict";

  var doc = null;
  var statusEl = document.getElementById("status");
  var opsEl = document.getElementById("ops");
  var tocEl = document.getElementById("toc");
  var infoEl = document.getElementById("info");
  var filterEl = document.getElementById("filter");
  var METHODS = ["get", "post", "put", "patch", "delete"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // Descriptions mark code with backticks (U+0060); everything else is plain text (never parsed as HTML).
  function prose(tag, text) {
    var node = el(tag);
    String(text || "").split("\u0060").forEach(function (part, i) {
      node.appendChild(i % 2 ? el("code", { text: part }) : document.createTextNode(part));
    });
    return node;
  }

  function refName(ref) {
    return ref.split("/").pop();
  }

  function resolve(schema) {
    var seen = 0;
    while (schema && schema.$ref && seen < 20) {
      schema = (doc.components && doc.components.schemas && doc.components.schemas[refName(schema.$ref)]) || {};
      seen++;
    }
    if (schema && schema.allOf && schema.allOf.length === 1 && !schema.properties) {
      var inner = resolve(schema.allOf[0]);
      var merged = {};
      Object.keys(inner).forEach(function (k) { merged[k] = inner[k]; });
      if (schema.description) merged.description = schema.description;
      return merged;
    }
    return schema || {};
  }

  function typeLabel(schema, depth) {
    if (!schema) return "any";
    if (schema.$ref) return refName(schema.$ref);
    if (schema.allOf && schema.allOf.length === 1) return typeLabel(schema.allOf[0], depth);
    if (schema.anyOf || schema.oneOf) {
      return (schema.anyOf || schema.oneOf).map(function (s) { return typeLabel(s, depth); }).join(" | ");
    }
    if (schema.enum) return schema.enum.map(function (v) { return JSON.stringify(v); }).join(" | ");
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    var type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type || "any";
    if (type === "array") return "array of " + typeLabel(schema.items || {}, depth);
    var bounds = [];
    if (schema.minimum !== undefined) bounds.push("≥ " + schema.minimum);
    if (schema.maximum !== undefined) bounds.push("≤ " + schema.maximum);
    if (schema.maxItems !== undefined) bounds.push("at most " + schema.maxItems);
    return bounds.length ? type + " (" + bounds.join(", ") + ")" : type;
  }

  // A nested list of an object's fields, expanding each named schema once per branch.
  function schemaTree(schema, depth, seen) {
    var s = resolve(schema);
    var list = el("ul", { className: "schema" });
    var item = s.type === "array" ? resolve(s.items || {}) : s;
    var props = item.properties || {};
    var required = item.required || [];
    Object.keys(props).forEach(function (name) {
      var prop = props[name];
      var li = el("li", null, [
        el("code", { text: name }),
        required.indexOf(name) >= 0 ? el("span", { className: "req", text: "required" }) : null,
        " ",
        el("span", { className: "type", text: typeLabel(prop, depth) }),
      ]);
      var r = resolve(prop);
      if (r.description) li.appendChild(prose("span", " — " + r.description));
      var key = prop.$ref || (prop.items && prop.items.$ref) || "";
      var target = r.type === "array" ? resolve(r.items || {}) : r;
      if (depth < 4 && target.properties && (!key || seen.indexOf(key) < 0)) {
        li.appendChild(schemaTree(prop, depth + 1, key ? seen.concat([key]) : seen));
      }
      list.appendChild(li);
    });
    return list;
  }

  function exampleFor(schema, depth) {
    if (!schema || depth > 6) return null;
    if (schema.example !== undefined) return schema.example;
    if (schema.examples && schema.examples.length) return schema.examples[0];
    var s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.anyOf || s.oneOf) return exampleFor((s.anyOf || s.oneOf)[0], depth + 1);
    if (s.enum) return s.enum[0];
    if (s.type === "array") {
      var one = exampleFor(s.items || {}, depth + 1);
      return one === null ? [] : [one];
    }
    if (s.type === "object" || s.properties) {
      var out = {};
      (s.required || []).forEach(function (name) {
        out[name] = exampleFor((s.properties || {})[name], depth + 1);
      });
      return out;
    }
    var type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === "integer" || type === "number") return s.minimum !== undefined ? s.minimum : 1;
    if (type === "boolean") return true;
    if (type === "string") return "";
    return null;
  }

  function opId(method, path) {
    return (method + path).replace(/[^A-Za-z0-9]+/g, "-");
  }

  function paramsTable(params) {
    var table = el("table", null, [el("tr", null, [el("th", { text: "Name" }), el("th", { text: "In" }), el("th", { text: "Type" }), el("th", { text: "Description" })])]);
    params.forEach(function (p) {
      var schema = p.schema || {};
      table.appendChild(el("tr", null, [
        el("td", null, [el("code", { text: p.name }), p.required ? el("span", { className: "req", text: "required" }) : null]),
        el("td", { text: p.in }),
        el("td", { className: "type", text: typeLabel(schema, 0) }),
        prose("td", p.description || schema.description || ""),
      ]));
    });
    return table;
  }

  function responsesTable(responses) {
    var table = el("table", null, [el("tr", null, [el("th", { text: "Status" }), el("th", { text: "Description" }), el("th", { text: "Content" })])]);
    Object.keys(responses).forEach(function (status) {
      var r = responses[status];
      var content = r.content || {};
      var types = Object.keys(content).map(function (t) {
        var schema = content[t].schema;
        return t + (schema && schema.$ref ? " (" + refName(schema.$ref) + ")" : "");
      });
      table.appendChild(el("tr", null, [el("td", null, [el("code", { text: status })]), prose("td", r.description || ""), el("td", { className: "type", text: types.join(", ") })]));
    });
    return table;
  }

  function curlLine(method, url, body) {
    var line = "curl -s";
    if (method !== "GET") line += " -X " + method;
    line += " '" + location.origin + url + "'";
    if (body) line += " -H 'Content-Type: application/json' -d '" + body.replace(/'/g, "'\\''") + "'";
    return line;
  }

  function tryForm(method, path, op) {
    var form = el("form", { className: "try" });
    var params = op.parameters || [];
    var inputs = {};
    params.forEach(function (p) {
      var schema = p.schema || {};
      var example = p.example !== undefined ? p.example : schema.example;
      var input = el("input", { type: "text", name: p.in + ":" + p.name, placeholder: example === undefined ? "" : String(example) });
      if (p.required && example !== undefined) input.value = String(example);
      inputs[p.in + ":" + p.name] = { param: p, input: input };
      form.appendChild(el("label", null, [el("code", { text: p.name }), " (" + p.in + (p.required ? ", required" : "") + ")"]));
      form.appendChild(input);
    });
    var bodyArea = null;
    var content = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
    if (content) {
      bodyArea = el("textarea", { name: "body", spellcheck: "false" });
      bodyArea.value = JSON.stringify(exampleFor(content.schema, 0), null, 2);
      form.appendChild(el("label", { text: "JSON body" }));
      form.appendChild(bodyArea);
    }
    var button = el("button", { type: "submit", text: "Send " + method.toUpperCase() + " request" });
    form.appendChild(button);
    var curl = el("pre", { className: "curl hidden" });
    var out = el("pre", { className: "result hidden", "aria-live": "polite" });
    form.appendChild(curl);
    form.appendChild(out);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = path;
      var query = new URLSearchParams();
      Object.keys(inputs).forEach(function (key) {
        var entry = inputs[key];
        var value = entry.input.value;
        if (entry.param.in === "path") url = url.split("{" + entry.param.name + "}").join(encodeURIComponent(value));
        else if (entry.param.in === "query" && value !== "") query.append(entry.param.name, value);
      });
      var qs = query.toString();
      if (qs) url += "?" + qs;
      var init = { method: method.toUpperCase(), headers: {} };
      if (bodyArea) {
        init.headers["Content-Type"] = "application/json";
        init.body = bodyArea.value;
      }
      curl.textContent = curlLine(init.method, url, init.body);
      curl.classList.remove("hidden");
      out.textContent = "…";
      out.classList.remove("hidden");
      fetch(url, init).then(function (res) {
        return res.text().then(function (text) {
          var shown = ["content-type", "etag", "cache-control", "allow", "x-request-id"].filter(function (h) { return res.headers.get(h); })
            .map(function (h) { return h + ": " + res.headers.get(h); });
          var body = text;
          try { body = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: show as it came */ }
          out.textContent = "HTTP " + res.status + " " + res.statusText + "\n" + shown.join("\n") + "\n\n" + body;
          out.setAttribute("data-status", String(res.status));
        });
      }).catch(function (err) {
        out.textContent = "Request failed: " + err.message;
      });
    });
    return el("details", { className: "try" }, [el("summary", { text: "Try it" }), form]);
  }

  function operation(method, path, op) {
    var section = el("section", { className: "op", id: opId(method, path), "data-search": (method + " " + path + " " + (op.summary || "")).toLowerCase() }, [
      el("h3", null, [el("span", { className: "method " + method, text: method.toUpperCase() }), el("span", { className: "path", text: path }), op.summary ? el("span", { text: "— " + op.summary }) : null]),
    ]);
    if (op.description) section.appendChild(prose("p", op.description));
    if (op.parameters && op.parameters.length) {
      section.appendChild(el("h4", { text: "Parameters" }));
      section.appendChild(paramsTable(op.parameters));
    }
    var content = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
    if (content) {
      section.appendChild(el("h4", { text: "JSON body" + (content.schema && content.schema.$ref ? " (" + refName(content.schema.$ref) + ")" : "") }));
      section.appendChild(schemaTree(content.schema, 0, []));
    }
    section.appendChild(el("h4", { text: "Responses" }));
    section.appendChild(responsesTable(op.responses || {}));
    var ok = op.responses && op.responses["200"] && op.responses["200"].content && op.responses["200"].content["application/json"];
    if (ok && ok.schema) {
      var fields = el("details", null, [el("summary", { text: "Response fields" + (ok.schema.$ref ? " (" + refName(ok.schema.$ref) + ")" : "") }), schemaTree(ok.schema, 0, [])]);
      section.appendChild(fields);
    }
    section.appendChild(tryForm(method, path, op));
    return section;
  }

  function render(loaded) {
    doc = loaded;
    statusEl.classList.add("hidden");
    infoEl.appendChild(el("h2", { text: (doc.info && doc.info.title) || "API" }));
    infoEl.appendChild(el("p", { className: "small", text: "OpenAPI " + doc.openapi + " · version " + ((doc.info && doc.info.version) || "") }));
    if (doc.info && doc.info.description) infoEl.appendChild(prose("p", doc.info.description));

    var byTag = {};
    var order = (doc.tags || []).map(function (t) { return t.name; });
    Object.keys(doc.paths || {}).forEach(function (path) {
      METHODS.forEach(function (method) {
        var op = doc.paths[path][method];
        if (!op) return;
        var tag = (op.tags && op.tags[0]) || "Other";
        if (order.indexOf(tag) < 0) order.push(tag);
        (byTag[tag] = byTag[tag] || []).push({ method: method, path: path, op: op });
      });
    });
    var count = 0;
    order.forEach(function (tag) {
      var ops = byTag[tag];
      if (!ops) return;
      var meta = (doc.tags || []).filter(function (t) { return t.name === tag; })[0];
      opsEl.appendChild(el("h2", { className: "tag", id: "tag-" + tag, text: tag }));
      if (meta && meta.description) opsEl.appendChild(prose("p", meta.description));
      tocEl.appendChild(el("h2", { text: tag }));
      ops.forEach(function (o) {
        opsEl.appendChild(operation(o.method, o.path, o.op));
        tocEl.appendChild(el("a", { href: "#" + opId(o.method, o.path), "data-search": (o.method + " " + o.path + " " + (o.op.summary || "")).toLowerCase(), text: o.method.toUpperCase() + " " + o.path }));
        count++;
      });
    });
    document.body.setAttribute("data-operations", String(count));
  }

  filterEl.addEventListener("input", function () {
    var q = filterEl.value.trim().toLowerCase();
    Array.prototype.forEach.call(document.querySelectorAll("[data-search]"), function (node) {
      node.classList.toggle("hidden", q !== "" && node.getAttribute("data-search").indexOf(q) < 0);
    });
  });

  fetch("/openapi.json", { headers: { Accept: "application/json" } })
    .then(function (res) {
      if (!res.ok) throw new Error("HTTP " + res.status);
      return res.json();
    })
    .then(render)
    .catch(function (err) {
      statusEl.textContent = "Could not load /openapi.json: " + err.message;
    });
})();
`;
