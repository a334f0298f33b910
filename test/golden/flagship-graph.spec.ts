// Issue 12: the flagship example's full resolved graph is pinned before any optimisation, so that a
// performance change provably leaves every resource, input and policy document byte for byte as it was.
// Regenerate deliberately with `npm run golden` and review the diff.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { runProgram } from "../harness";
import { FLAGSHIP_GOLDEN, graphDocument } from "./graph";

describe("flagship resource graph (golden file)", () => {
  it("registers exactly the resources, options and inputs of test/golden/flagship-graph.json", async () => {
    const run = await runProgram(path.join(__dirname, "../../examples/beanstalk-pipeline/index.ts"));
    const expected = JSON.parse(fs.readFileSync(FLAGSHIP_GOLDEN, "utf8"));
    const actual = JSON.parse(JSON.stringify(graphDocument(run.resources)));
    expect(actual.length).to.equal(expected.length);
    expect(actual).to.deep.equal(expected);
    // deep.equal ignores the order of object keys; the policy documents' bytes depend on it.
    expect(JSON.stringify(actual)).to.equal(JSON.stringify(expected));
  });
});
