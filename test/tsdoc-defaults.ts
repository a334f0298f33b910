import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const SRC = path.join(__dirname, "..", "packages", "aws-cicd", "src");

/**
 * `Interface.property` (nested type literals as `Interface.property.inner`) of every optional
 * property without a `@default` TSDoc tag, in the interfaces of `files` (paths under
 * packages/aws-cicd/src) other than `except`.
 */
export function optionalPropertiesWithoutDefault(files: string[], except: string[] = []): string[] {
  const out: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(SRC, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, owner: string): void => {
      let next = owner;
      if (ts.isPropertySignature(node)) {
        next = `${owner}.${node.name.getText(source)}`;
        if (node.questionToken && !ts.getJSDocTags(node).some((t) => t.tagName.text === "default")) out.push(next);
      }
      ts.forEachChild(node, (child) => visit(child, next));
    };
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && !except.includes(statement.name.text)) visit(statement, statement.name.text);
    }
  }
  return out;
}
