// Every component opens the stack-trace window of internal/quiet-stacks.ts (issue 12) right after it
// registers itself and closes it in a finally. Read from the sources, so that a new component cannot
// skip it; test/internal/quiet-stacks.spec.ts shows what the window does. (Not in a mutation group's
// specs: Stryker rewrites the sources it mutates.)
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { COMPONENTS } from "../harness/components";

describe("the stack-trace window in every component", () => {
  it("is opened by every component right after it registers itself, and closed in a finally", () => {
    const src = path.join(__dirname, "../../packages/aws-cicd/src");
    const files = fs
      .readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && /extends pulumi\.ComponentResource/.test(fs.readFileSync(path.join(src, f), "utf8")));
    const classes: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(src, file), "utf8");
      const match =
        /\n {2}constructor\([^\n]*\n {4}super\("aws-cicd:index:(\w+)", name, \{\}, opts\);\n {4}const stacks = quietStacks\(\);\n {4}try \{\n/.exec(
          text,
        );
      expect(match, file).to.not.equal(null);
      classes.push(match![1]);
      expect(text, file).to.include(
        "\n    } catch (e) {\n      throw stacks.rethrow(e);\n    } finally {\n      stacks.close();\n    }\n  }\n",
      );
    }
    // NestedSecureBucket and NestedSecureTopic register as the components they stand for (security/*-nested.ts).
    expect([...new Set(classes)].sort()).to.deep.equal([...COMPONENTS].sort());
    expect(classes.filter((c, i) => classes.indexOf(c) !== i).sort()).to.deep.equal(["SecureBucket", "SecureTopic"]);
  });
});
