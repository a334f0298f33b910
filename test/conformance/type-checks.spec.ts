// The shared type checks every validator runs first (packages/aws-cicd/src/internal/types.ts).
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { checkArgsObject, checkTypes, describeReceived } from "../../packages/aws-cicd/src/internal/types";

describe("Shared type checks", () => {
  it("describes what was received", () => {
    expect(describeReceived("yes")).to.equal('the string "yes"');
    expect(describeReceived(0)).to.equal("the number 0");
    expect(describeReceived(false)).to.equal("the boolean false");
    expect(describeReceived(null)).to.equal("null");
    expect(describeReceived(undefined)).to.equal("nothing");
    expect(describeReceived([])).to.equal("an empty list");
    expect(describeReceived(["a"])).to.equal("a list");
    expect(describeReceived({})).to.equal("an empty object {}");
    expect(describeReceived({ a: 1 })).to.equal("an object");
    expect(describeReceived(pulumi.output("x"))).to.equal("an Output");
    expect(describeReceived(Promise.resolve("x"))).to.equal("a Promise");
    expect(describeReceived(() => 1)).to.equal("a function");
  });

  it("lets omitted arguments pass, and checks nested ones only when their parent is given", () => {
    const types = { booleans: ["a", "o.b"], numbers: ["n"], lists: ["l"], required: ["o.r"], objects: { o: "fields" }, keys: ["k"] };
    expect(() => checkTypes({}, types)).to.not.throw();
    expect(() => checkTypes({ o: { r: "x", b: true } }, types)).to.not.throw();
    expect(() => checkTypes({ o: { r: "x", b: "true" } }, types)).to.throw(
      '`o.b` must be true or false, got the string "true"; pass a boolean, not a string or number.',
    );
    expect(() => checkTypes({ o: {} }, types)).to.throw("`o.r` is required when `o` is given, got nothing; add it or leave `o` out.");
    expect(() => checkTypes({ o: [] }, types)).to.throw(
      "`o` must be an object with fields, got an empty list; pass the fields or leave `o` out.",
    );
    expect(() => checkTypes({ k: { keyArn: pulumi.output("arn") } }, types)).to.not.throw();
  });

  it("names nested arguments with the caller's prefix", () => {
    expect(() => checkTypes({ runOrder: "2" }, { numbers: ["runOrder"] }, "stages[1].actions[0]")).to.throw(
      '`stages[1].actions[0].runOrder` must be a number, got the string "2"; pass a number, not a string.',
    );
  });

  it("refuses args that are not an object, and missing args only when required", () => {
    expect(() => checkArgsObject(undefined, false)).to.not.throw();
    expect(() => checkArgsObject(undefined, true)).to.throw(
      "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument.",
    );
    expect(() => checkArgsObject([], false)).to.throw("`args` must be an object, got an empty list;");
  });
});
