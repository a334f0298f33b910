import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { optionalPropertiesWithoutDefault } from "../tsdoc-defaults";

const SRC = path.join(__dirname, "..", "..", "packages", "aws-cicd", "src");

function sourceFiles(dir: string, prefix = ""): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(prefix, e.name);
    if (e.isDirectory()) return sourceFiles(dir, rel);
    return e.name.endsWith(".ts") ? [rel] : [];
  });
}

describe("TSDoc", () => {
  it("documents a @default for every optional property of every args and options interface in the library", () => {
    const files = sourceFiles(SRC);
    expect(files.length).to.be.greaterThan(50);
    const missing = optionalPropertiesWithoutDefault(files).filter((p) => /^[A-Za-z]+(Args|Options)\./.test(p));
    expect(missing).to.deep.equal([]);
  });
});
