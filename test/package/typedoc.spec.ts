// The API reference (`npm run docs`) is generated from the TSDoc without a single warning:
// packages/aws-cicd/typedoc.json treats warnings as errors and requires every exported symbol
// (classes, interfaces, functions, variables, type aliases, methods, properties) to be documented.
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const CONFIG = path.join(ROOT, "packages/aws-cicd/typedoc.json");

describe("aws-cicd API reference (TypeDoc)", function () {
  this.timeout(120_000);

  it("is configured to fail on warnings and on undocumented exports", () => {
    const config = JSON.parse(fs.readFileSync(CONFIG, "utf8"));
    expect(config.entryPoints).to.deep.equal(["src/index.ts"]);
    expect(config.out).to.equal("docs/api");
    expect(config.treatWarningsAsErrors).to.equal(true);
    expect(config.validation).to.deep.equal({ notExported: true, invalidLink: true, notDocumented: true });
  });

  it("generates without warnings", () => {
    const bin = path.join(ROOT, "node_modules/typedoc/bin/typedoc");
    const run = spawnSync(process.execPath, [bin, "--options", CONFIG, "--emit", "none"], { cwd: ROOT, encoding: "utf8" });
    // eslint-disable-next-line no-control-regex
    const output = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
    expect(output.split("\n").filter((l) => /\[(warning|error)\]/.test(l))).to.deep.equal([]);
    expect(run.status).to.equal(0);
  });
});
