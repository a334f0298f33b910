#!/usr/bin/env node
"use strict";
// The `aws-cicd` command; the compiled CLI lives in dist/ (in a clone, run `npm run build` at the root first).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    `aws-cicd: ${entry} is missing; the CLI is not built. In a clone of the repository, run \`npm run build\` at its root.\n`,
  );
  process.exitCode = 2;
} else {
  require(entry)
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e) => {
        process.stderr.write(`aws-cicd: ${e && e.stack ? e.stack : String(e)}\n`);
        process.exitCode = 2;
      },
    );
}
