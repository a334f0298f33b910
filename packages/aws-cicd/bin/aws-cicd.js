#!/usr/bin/env node
"use strict";
// The `aws-cicd` command; the compiled CLI lives in dist/ (run `npm run build` first in a clone).
const { main } = require("../dist/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`aws-cicd: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
