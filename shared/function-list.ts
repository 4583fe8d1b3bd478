/**
 * A catalogue function described for those who list it — GET /v1/functions and the add-on's
 * manifest (its JSDoc, sidebar and docs): one shape, so the two lists cannot differ.
 */
import { exampleFormula, signature } from "./catalogue/engine.js";
import type { CatalogueEntry } from "./catalogue/types.js";

export function describeFunction(e: CatalogueEntry) {
  return {
    name: e.name,
    category: e.category,
    summary: e.summary,
    signature: signature(e),
    args: e.args.map((a) => ({
      name: a.name,
      type: a.type,
      optional: a.optional,
      ...(a.defaultText === undefined ? {} : { defaultText: a.defaultText }),
      help: a.help,
      mappable: a.map,
      ...(a.choices ? { choices: [...a.choices] } : {}),
    })),
    returns: e.returns,
    /** The formula as typed in a sheet. */
    example: exampleFormula(e),
    /** Reads shared models (needs the models store). */
    network: e.network === true,
  };
}

export type FunctionDescription = ReturnType<typeof describeFunction>;
