// The run-time type checks every validator shares (internal/types.ts): each message exactly, and
// what passes.
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  checkArgsObject,
  checkBoolean,
  checkKeyReference,
  checkList,
  checkNumber,
  checkObject,
  checkRequired,
  checkString,
  checkTypes,
  describeReceived,
  isRecord,
  shown,
} from "../../packages/aws-cicd/src/internal/types";

describe("internal type checks", () => {
  describe("describeReceived", () => {
    const cases: [string, unknown, string][] = [
      ["null", null, "null"],
      ["undefined", undefined, "nothing"],
      ["an empty list", [], "an empty list"],
      ["a list", [1], "a list"],
      ["an Output", pulumi.output("x"), "an Output"],
      ["a Promise", Promise.resolve(1), "a Promise"],
      ["a string", 'say "yes"', 'the string "say \\"yes\\""'],
      ["a number", 3, "the number 3"],
      ["a bigint", BigInt(7), "the number 7"],
      ["a boolean", false, "the boolean false"],
      ["a function", () => 1, "a function"],
      ["an empty object", {}, "an empty object {}"],
      ["an object", { a: 1 }, "an object"],
    ];
    for (const [what, value, text] of cases) it(`describes ${what} as ${text}`, () => expect(describeReceived(value)).to.equal(text));

    it("quotes a string as given and describes anything else", () => {
      expect(shown("a")).to.equal('"a"');
      expect(shown(2)).to.equal("the number 2");
      expect(shown(null)).to.equal("null");
    });
  });

  describe("isRecord", () => {
    it("holds for objects only: not null, a list, an Output or a Promise", () => {
      expect([{}, { a: 1 }].map(isRecord)).to.deep.equal([true, true]);
      expect([null, [], pulumi.output({}), Promise.resolve({}), "s", 1, undefined].map(isRecord)).to.deep.equal(Array(7).fill(false));
    });
  });

  describe("single checks", () => {
    it("let undefined pass", () => {
      for (const check of [checkBoolean, checkNumber, checkString, checkList, checkKeyReference]) {
        expect(() => check("a", undefined)).to.not.throw();
      }
      expect(() => checkObject("a", undefined, "`b`")).to.not.throw();
    });

    it("let the right kind pass", () => {
      expect(() => checkBoolean("a", false)).to.not.throw();
      expect(() => checkNumber("a", 0)).to.not.throw();
      expect(() => checkString("a", "")).to.not.throw();
      expect(() => checkList("a", [])).to.not.throw();
      expect(() => checkObject("a", {}, "`b`")).to.not.throw();
      expect(() => checkKeyReference("a", { keyArn: "arn" })).to.not.throw();
      expect(() => checkRequired("a.b", 0)).to.not.throw();
      expect(() => checkRequired("a", "")).to.not.throw();
    });

    const refusals: [string, () => void, string][] = [
      [
        "a string for a boolean",
        () => checkBoolean("x.on", "yes"),
        '`x.on` must be true or false, got the string "yes"; pass a boolean, not a string or number.',
      ],
      ["a string for a number", () => checkNumber("n", "3"), '`n` must be a number, got the string "3"; pass a number, not a string.'],
      ["NaN for a number", () => checkNumber("n", NaN), "`n` must be a number, got the number NaN; pass a number, not a string."],
      [
        "Infinity for a number",
        () => checkNumber("n", Infinity),
        "`n` must be a number, got the number Infinity; pass a number, not a string.",
      ],
      ["a number for a string", () => checkString("s", 1), "`s` must be a string, got the number 1."],
      ["a string for a list", () => checkList("l", "a"), '`l` must be a list, got the string "a"; wrap a single item in [ ].'],
      [
        "a list for an object",
        () => checkObject("vpc", [1], "`subnetIds`"),
        "`vpc` must be an object with `subnetIds`, got a list; pass the fields or leave `vpc` out.",
      ],
      ["null for a required top-level field", () => checkRequired("name", null), "`name` is required, got null."],
      [
        "a missing field of a given object",
        () => checkRequired("vpc.subnetIds", undefined),
        "`vpc.subnetIds` is required when `vpc` is given, got nothing; add it or leave `vpc` out.",
      ],
      [
        "a missing field two levels down",
        () => checkRequired("a.b.c", undefined),
        "`a.b.c` is required when `a.b` is given, got nothing; add it or leave `a.b` out.",
      ],
      [
        "an ARN string for a key",
        () => checkKeyReference("encryptionKey", "arn:k"),
        '`encryptionKey` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got the string "arn:k"; to name a key by ARN, pass `{ keyArn: "arn:k" }`.',
      ],
      [
        "an object without keyArn for a key",
        () => checkKeyReference("k", {}),
        "`k` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got an empty object {}.",
      ],
      [
        "a null keyArn",
        () => checkKeyReference("k", { keyArn: null }),
        "`k` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got an object.",
      ],
      [
        "a list for a key",
        () => checkKeyReference("k", ["a"]),
        "`k` must be a key object (an EncryptionKey, or `{ keyArn }` for a key you own), got a list.",
      ],
      [
        "null args",
        () => checkArgsObject(null, false),
        "`args` must be an object, got null; pass `{ ... }` as the second constructor argument.",
      ],
      [
        "missing required args",
        () => checkArgsObject(undefined, true),
        "`args` must be an object, got nothing; pass `{ ... }` as the second constructor argument.",
      ],
    ];
    for (const [what, check, message] of refusals) {
      it(`refuses ${what}`, () => {
        let thrown: unknown;
        try {
          check();
        } catch (e) {
          thrown = e;
        }
        expect((thrown as Error | undefined)?.message).to.equal(message);
      });
    }

    it("lets optional args be left out, and an object be given", () => {
      expect(() => checkArgsObject(undefined, false)).to.not.throw();
      expect(() => checkArgsObject({}, true)).to.not.throw();
    });
  });

  describe("checkTypes", () => {
    function message(args: unknown, types: Parameters<typeof checkTypes>[1], prefix?: string): string | undefined {
      try {
        checkTypes(args, types, prefix);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    }

    it("checks each kind at its dotted path, named after the prefix", () => {
      expect(message({ a: { b: "x" } }, { booleans: ["a.b"] }, "stages[1]")).to.equal(
        '`stages[1].a.b` must be true or false, got the string "x"; pass a boolean, not a string or number.',
      );
      expect(message({ n: "1" }, { numbers: ["n"] })).to.equal('`n` must be a number, got the string "1"; pass a number, not a string.');
      expect(message({ s: 1 }, { strings: ["s"] })).to.equal("`s` must be a string, got the number 1.");
      expect(message({ l: {} }, { lists: ["l"] })).to.equal("`l` must be a list, got an empty object {}; wrap a single item in [ ].");
      expect(message({ k: "arn" }, { keys: ["k"] })).to.match(/^`k` must be a key object/);
    });

    it("names an object before what it would hold", () => {
      expect(message({ vpc: null }, { objects: { vpc: "`subnetIds`" }, required: ["vpc.subnetIds"] })).to.equal(
        "`vpc` must be an object with `subnetIds`, got null; pass the fields or leave `vpc` out.",
      );
    });

    it("requires a field only when its parent object is given, and a top-level one always", () => {
      expect(message({}, { required: ["vpc.subnetIds"] })).to.equal(undefined);
      expect(message({ vpc: "x" }, { required: ["vpc.subnetIds"] })).to.equal(undefined);
      expect(message({ vpc: {} }, { required: ["vpc.subnetIds"] })).to.equal(
        "`vpc.subnetIds` is required when `vpc` is given, got nothing; add it or leave `vpc` out.",
      );
      expect(message({}, { required: ["name"] })).to.equal("`name` is required, got nothing.");
      expect(message({ a: { b: {} } }, { required: ["a.b.c"] })).to.equal(
        "`a.b.c` is required when `a.b` is given, got nothing; add it or leave `a.b` out.",
      );
    });

    it("reads nothing past a step that is not an object", () => {
      expect(message({ a: "text" }, { strings: ["a.length"] })).to.equal(undefined);
      expect(message({ a: [1] }, { numbers: ["a.0"] })).to.equal(undefined);
    });

    it("checks list items by position", () => {
      expect(message({ xs: [{}, 1] }, { objectLists: { xs: "`name`" } })).to.equal(
        "`xs[1]` must be an object with `name`, got the number 1.",
      );
      expect(message({ xs: ["a", null] }, { stringLists: ["xs"] })).to.equal("`xs[1]` must be a string, got null.");
      expect(message({ xs: "a" }, { stringLists: ["xs"] })).to.equal('`xs` must be a list, got the string "a"; wrap a single item in [ ].');
      expect(message({ xs: ["a", pulumi.output("b"), Promise.resolve("c"), 4] }, { inputLists: ["xs"] }, "p")).to.equal(
        "`p.xs[3]` must be a string or an Output, got the number 4.",
      );
      expect(message({ xs: ["a", pulumi.output("b"), Promise.resolve("c")] }, { inputLists: ["xs"] })).to.equal(undefined);
      expect(message({}, { objectLists: { xs: "`name`" }, stringLists: ["ys"], inputLists: ["zs"] })).to.equal(undefined);
    });

    it("passes args of the right kinds", () => {
      expect(
        message(
          { b: true, n: 1, s: "s", l: [], o: { f: 1 }, k: { keyArn: "a" }, xs: [{}], ys: ["y"] },
          {
            booleans: ["b"],
            numbers: ["n"],
            strings: ["s"],
            lists: ["l"],
            objects: { o: "`f`" },
            keys: ["k"],
            required: ["o.f"],
            objectLists: { xs: "`x`" },
            stringLists: ["ys"],
          },
        ),
      ).to.equal(undefined);
    });
  });
});
