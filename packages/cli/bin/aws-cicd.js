#!/usr/bin/env node
"use strict";
// The `aws-cicd` command; the compiled CLI lives in dist/ (in a clone, run `npm run build` at the root first).
const { main } = require("../dist/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`aws-cicd: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
