import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { CDK_NAG_WAIVERS } from "../conformance/cdk-nag-waivers";
import { POLICY_PACK_WAIVERS } from "../conformance/policy-pack-waivers";

const README = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const security = README.slice(README.indexOf("## Security"), README.indexOf("## Layout"));

describe("README", () => {
  it("lists every waived rule in its Security section", () => {
    const rules = new Set([...CDK_NAG_WAIVERS.map((w) => w.ruleId), ...POLICY_PACK_WAIVERS.map((w) => w.rule)]);
    expect([...rules].filter((r) => !security.includes(r))).to.deep.equal([]);
  });
});
