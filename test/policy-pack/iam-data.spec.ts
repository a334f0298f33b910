// The IAM action data the IAM rules read: which names are actions, and which actions can be scoped.
import { expect } from "chai";
import { supportsResourceScoping, unknownActionReason } from "../../packages/policy-pack/src/rules/iam/iam-data";

describe("policy pack: IAM action data", () => {
  const reasons: [string, string | undefined][] = [
    ["s3:GetObject", undefined],
    ["S3:GetObject", undefined],
    ["s3:Get*", undefined],
    ["s3:GetObjec?", undefined],
    ["s3", "is not of the form service:Action"],
    [":GetObject", "is not of the form service:Action"],
    ["s3:", "is not of the form service:Action"],
    ["s3:Get:Object", "is not of the form service:Action"],
    ["s3:GetObjects", "is not in AWS's service authorization reference"],
  ];
  for (const [action, reason] of reasons) {
    it(`${reason === undefined ? "knows" : "refuses"} "${action}"`, async () => {
      expect(await unknownActionReason(action)).to.equal(reason);
    });
  }

  const scoping: [string, boolean][] = [
    ["s3:GetObject", true],
    ["S3:GetObject", true],
    ["s3:Get*", true],
    ["ecr:GetAuthorizationToken", false],
    ["s3:NoSuchThing", false],
    ["s3", false],
  ];
  for (const [action, scoped] of scoping) {
    it(`says "${action}" ${scoped ? "can" : "cannot"} be scoped to resources`, async () => {
      expect(await supportsResourceScoping(action)).to.equal(scoped);
    });
  }
});
