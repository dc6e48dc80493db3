// Reads Markwhen documents with the real @markwhen/parser: stdin is a JSON array of
// document texts; stdout a JSON array with, for each, what the tests compare: the parse
// messages, the header, and each event in document order with its dates, properties, tags,
// section path, title text and description.
// Usage: node parse.mjs PARSER_DIR < documents.json   (PARSER_DIR: where node_modules is)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const require = createRequire(join(resolve(process.argv[2]), "package.json"));
const { parse } = require("@markwhen/parser");

function read(text) {
  const result = parse(text);
  const events = [];
  walk(result.events, [], events);
  return { parseMessages: result.parseMessages, header: result.header, events };
}

function walk(node, sections, events) {
  for (const child of node.children ?? []) {
    if (child.children !== undefined) {
      walk(child, [...sections, child.title], events);
    } else {
      events.push({
        from: child.dateRangeIso.fromDateTimeIso,
        to: child.dateRangeIso.toDateTimeIso,
        datePart: child.firstLine.datePart ?? null,
        title: child.firstLine.restTrimmed,
        properties: child.properties ?? {},
        tags: child.tags ?? [],
        sections,
        description: child.supplemental ?? [],
        recurrence: child.recurrence ?? null,
      });
    }
  }
}
const documents = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(documents.map(read)));
