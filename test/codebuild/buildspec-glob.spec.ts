// Glob patterns of buildspec `files`, `exclude-paths` and `cache.paths`: what matches, how a
// pattern compiles, and the errors for patterns CodeBuild cannot read.
import { expect } from "chai";
import { compileGlob, GlobPatternError, globPatternProblem, matchesGlob } from "../../packages/aws-cicd/src/codebuild/buildspec-glob";

describe("buildspec glob patterns", () => {
  describe("matching", () => {
    const cases: [string, string, boolean][] = [
      // `*` and `?` within one segment
      ["a*", "abc", true],
      ["a*", "b", false],
      ["a*", "a", true],
      ["*.js", "dir/a.js", false],
      ["a?c", "abc", true],
      ["a?c", "ac", false],
      // `**`: any number of whole segments, at the end at least one
      ["a/**/b", "a/b", true],
      ["a/**/b", "a/x/y/b", true],
      ["a/**/b", "a//b", false],
      ["a/b", "b", false],
      ["dist/**", "dist", false],
      ["dist/**", "dist/a", true],
      ["dist/**", "dist/a/b.js", true],
      ["dist/**", "dist/", false],
      ["**/x", "x", true],
      ["**/x", "x/y", false],
      // leading "./" and trailing "/" are ignored
      ["./dist/**", "dist/a.js", true],
      ["dist//", "dist", true],
      ["dist/", "dist", true],
      ["a./b", "a./b", true],
      // character classes
      ["[abc]", "b", true],
      ["[abc]", "d", false],
      ["[a]", "b", false],
      ["[a]", "u", false],
      ["[a-z]", "m", true],
      ["[a-z]", "-", false],
      ["[a-z]", "M", false],
      ["[a-c]", "m", false],
      ["[a-a]", "a", true],
      ["[a-]", "-", true],
      ["[a-]", "b", false],
      ["[!a]", "b", true],
      ["[!a]", "a", false],
      ["[!a]", "!", true],
      ["[^a]", "b", true],
      ["[^a]", "a", false],
      ["[a!]", "!", true],
      ["[a!]", "b", false],
      ["[a^]", "^", true],
      ["[a^]", "b", false],
      ["][a]", "]a", true],
      ["a[b]", "ab", true],
      // a "[" that nothing closes is itself
      ["a[b", "a[b", true],
      ["a[b", "ab", false],
    ];
    for (const [pattern, path, expected] of cases) {
      it(`${expected ? "matches" : "does not match"} "${path}" with "${pattern}"`, () => {
        expect(matchesGlob(path, pattern)).to.equal(expected);
      });
    }
  });

  describe("compiling", () => {
    it("merges `**` inside a segment into one `*`, and `**/**` into one `**`", () => {
      expect(compileGlob("**/**/a**b").segments).to.deep.equal([
        { kind: "globstar" },
        { kind: "tokens", tokens: [{ kind: "char", char: "a" }, { kind: "any" }, { kind: "char", char: "b" }] },
      ]);
    });

    it("reads a class into its characters and ranges", () => {
      expect(compileGlob("[!xa-c]").segments).to.deep.equal([
        { kind: "tokens", tokens: [{ kind: "class", negated: true, chars: "x", ranges: [["a", "c"]] }] },
      ]);
    });
  });

  describe("invalid patterns", () => {
    const cases: [string, string][] = [
      ["x/a[]", 'the character class "[]" is empty'],
      ["[!]", 'the character class "[!]" is empty'],
      ["[z-a]", 'the range "z-a" is reversed; write "a-z"'],
    ];
    for (const [pattern, reason] of cases) {
      it(`refuses "${pattern}"`, () => {
        expect(globPatternProblem(pattern)).to.equal(reason);
        let thrown: unknown;
        try {
          compileGlob(pattern);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).to.be.instanceOf(GlobPatternError);
        const e = thrown as GlobPatternError;
        expect(e.message).to.equal(`"${pattern}" is not a valid pattern: ${reason}.`);
        expect([e.name, e.pattern, e.reason]).to.deep.equal(["GlobPatternError", pattern, reason]);
      });
    }

    it("has no problem with a valid pattern, and lets other errors through", () => {
      expect(globPatternProblem("src/**/*.[jt]s")).to.equal(undefined);
      expect(() => globPatternProblem(5 as never)).to.throw(TypeError);
    });
  });
});
