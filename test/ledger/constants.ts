// Reads the library's action constants and the evidence in their TSDoc, straight from the sources.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** Root of the library's sources. */
export const SRC = path.join(__dirname, "..", "..", "packages", "aws-cicd", "src");

/** One exported action list (`export const X_ACTIONS = ["svc:Action", ...] as const`). */
export interface ActionConstant {
  name: string;
  /** Path from `src/`, e.g. `beanstalk/policies.ts`. */
  file: string;
  actions: string[];
  /** First sentence of the TSDoc: what the list is for. */
  summary: string;
  /** `@see` links. */
  see: string[];
  /** `@managedPolicy` names: AWS managed policies that grant the same actions. */
  managedPolicies: string[];
  /** `@decision` texts: why we chose differently from AWS's sources. */
  decisions: string[];
}

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "cli" ? [] : sourceFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

function stringElements(init: ts.Expression): string[] | undefined {
  let e = init;
  if (ts.isAsExpression(e)) e = e.expression;
  if (!ts.isArrayLiteralExpression(e) || e.elements.length === 0) return undefined;
  const out: string[] = [];
  for (const el of e.elements) {
    if (!ts.isStringLiteral(el) || !ACTION.test(el.text)) return undefined;
    out.push(el.text);
  }
  return out;
}

/** Every exported action list of the library, with its TSDoc evidence, in file then source order. */
export function actionConstants(): ActionConstant[] {
  const out: ActionConstant[] = [];
  for (const file of sourceFiles(SRC).sort()) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
        const actions = stringElements(d.initializer);
        if (actions === undefined) continue;
        const docs = ts.getJSDocCommentsAndTags(st).filter(ts.isJSDoc);
        const doc = docs[docs.length - 1];
        const comment =
          doc === undefined ? "" : typeof doc.comment === "string" ? doc.comment : (doc.comment ?? []).map((p) => p.text).join("");
        // Tags are read from the raw comment: TypeScript parses `@see https://...` as a name reference.
        const raw = doc === undefined ? "" : doc.getText().replace(/^\s*\/?\*+\/?/gm, " ");
        const of = (name: string) => [...raw.matchAll(new RegExp(`@${name}\\s+([^@]*)`, "g"))].map((m) => m[1].replace(/\s+/g, " ").trim());
        out.push({
          name: d.name.text,
          file: path.relative(SRC, file).split(path.sep).join("/"),
          actions,
          summary: comment.replace(/\s+/g, " ").trim(),
          see: of("see").map((s) => s.split(" ")[0]),
          managedPolicies: of("managedPolicy").map((s) => s.split(" ")[0]),
          decisions: of("decision"),
        });
      }
    }
  }
  return out;
}

/** A constant's statement references: `{ sid: "X", actions: [...A, ...B] }` literals in the sources. */
export interface SidUse {
  /** The sid, or a pattern for template sids (`Write*Bucket`). */
  sid: RegExp;
  constants: string[];
  file: string;
}

/** The pattern of a sid given by a variable (a builder's parameter): it matches any sid, after the literal ones. */
export const ANY_SID = /^.*$/;

/** Where each statement id is written with which constants (object literals with `sid` and spread `actions`). */
export function sidUses(): SidUse[] {
  const out: SidUse[] = [];
  for (const file of sourceFiles(SRC)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n)) {
        const prop = (name: string) =>
          n.properties.find(
            (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
          );
        const shorthandSid = n.properties.some((p) => ts.isShorthandPropertyAssignment(p) && p.name.text === "sid");
        const sid = shorthandSid ? ts.factory.createIdentifier("sid") : prop("sid")?.initializer;
        const actions = prop("actions")?.initializer;
        if (sid && actions && ts.isArrayLiteralExpression(actions)) {
          const constants = actions.elements.flatMap((e) =>
            ts.isSpreadElement(e) && ts.isIdentifier(e.expression) ? [e.expression.text] : [],
          );
          let pattern: RegExp | undefined;
          if (ts.isStringLiteral(sid)) pattern = new RegExp(`^${sid.text}$`);
          else if (ts.isIdentifier(sid)) pattern = ANY_SID;
          else if (ts.isTemplateExpression(sid)) {
            const parts = [sid.head.text, ...sid.templateSpans.map((s) => s.literal.text)];
            pattern = new RegExp(`^${parts.join(".*")}$`);
          }
          if (pattern && constants.length > 0)
            out.push({ sid: pattern, constants, file: path.relative(SRC, file).split(path.sep).join("/") });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
