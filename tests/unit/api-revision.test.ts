// The API revision in every ETag and cache key is the hash of the OpenAPI document the worker
// serves, so a change to any answer's shape — a CSV column above all, which no JSON schema shows —
// moves it. (tests/worker/api-openapi.test.ts checks each CSV's header row is the documented one.)
import { describe, expect, it } from "vitest";
import { createApp, GUARDS } from "../../worker/app.js";
import { API_REVISION } from "../../worker/http/api-revision.js";
import { apiRevision, openApiDocument } from "../../worker/routes/openapi.js";

const served = () => openApiDocument(createApp(), GUARDS);

describe("API revision", () => {
  it("is the hash of the served document (npm run openapi writes it when this fails)", () => {
    expect(API_REVISION).toBe(apiRevision(served()));
  });

  it("moves when a CSV column is added, renamed or dropped", () => {
    const doc = served();
    const csv = doc.paths["/v1/salary"]!["get"]!.responses["200"]!.content!["text/csv"] as {
      schema: { example: string };
    };
    const header = csv.schema.example;
    expect(header.startsWith("role,level,location,basis,currency,low,mid,high,")).toBe(true);
    const revisions = new Set([apiRevision(doc)]);
    for (const changed of [
      header.replace("\r\n", ",notes\r\n"),
      header.replace("mid", "median"),
      header.replace("low,", ""),
    ]) {
      csv.schema.example = changed;
      revisions.add(apiRevision(doc));
    }
    expect(revisions.size).toBe(4);
  });
});
