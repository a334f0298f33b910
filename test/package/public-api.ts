// Reads the library's public surface with the TypeScript compiler: the names an entry point
// exports, split into values and types, and the library types that the public values' signatures
// reach (so that a user can name every type an argument or an output has, and no internal type is
// exported without a reason).
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
export const LIBRARY_SRC = path.join(ROOT, "packages/aws-cicd/src");

/** What one entry point exports. */
export interface EntryPointSurface {
  /** Runtime names (classes, functions, constants), sorted. */
  values: string[];
  /** Type-only names (interfaces and type aliases), sorted. */
  types: string[];
  /** Library types reached from the exported values' public signatures, sorted. */
  reachableTypes: string[];
  /** Library values those signatures name with `typeof` (e.g. a type derived from a list), sorted. */
  reachableValues: string[];
}

const inLibrary = (d: ts.Declaration) => path.resolve(d.getSourceFile().fileName).startsWith(LIBRARY_SRC + path.sep);
const isPrivate = (m: ts.Node) =>
  ts.canHaveModifiers(m) &&
  (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword);
const isTypeDeclaration = (d: ts.Declaration) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d);

/** Compiles `entry` (a .ts file under packages/aws-cicd/src) and reads its surface. */
export function readSurface(entries: string[]): Record<string, EntryPointSurface> {
  const files = entries.map((e) => path.join(LIBRARY_SRC, e));
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, noEmit: true });
  const checker = program.getTypeChecker();
  const out: Record<string, EntryPointSurface> = {};
  for (const [i, file] of files.entries()) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const values: string[] = [];
    const types: string[] = [];
    const reached = new Set<string>();
    const reachedValues = new Set<string>();
    const visited = new Set<ts.Node>();

    // Walks type syntax only (never bodies): every reference to a library type is recorded and
    // that type's own declaration is walked in turn.
    const walk = (node: ts.Node | undefined): void => {
      if (!node || visited.has(node)) return;
      visited.add(node);
      if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
        const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isTypeQueryNode(node) ? node.exprName : node.expression;
        let symbol = checker.getSymbolAtLocation(ts.isQualifiedName(name) ? name.right : name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const d of symbol?.declarations ?? []) {
          if (!inLibrary(d)) continue;
          if (isTypeDeclaration(d)) {
            reached.add(symbol!.name);
            walkDeclaration(d);
          } else if (ts.isTypeQueryNode(node)) reachedValues.add(symbol!.name);
        }
      }
      ts.forEachChild(node, walk);
    };
    const walkSignature = (s: ts.SignatureDeclarationBase) => {
      s.typeParameters?.forEach(walk);
      s.parameters.forEach((p) => walk(p.type));
      walk(s.type);
    };
    const walkDeclaration = (d: ts.Declaration): void => {
      if (ts.isClassDeclaration(d)) {
        d.heritageClauses?.forEach(walk);
        for (const m of d.members) {
          if (isPrivate(m)) continue;
          if (ts.isPropertyDeclaration(m)) walk(m.type);
          else if (ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessor(m)) walkSignature(m);
        }
      } else if (ts.isFunctionDeclaration(d)) walkSignature(d);
      else if (ts.isVariableDeclaration(d)) walk(d.type);
      else if (ts.isInterfaceDeclaration(d)) {
        d.heritageClauses?.forEach(walk);
        d.members.forEach(walk);
      } else if (ts.isTypeAliasDeclaration(d)) walk(d.type);
    };

    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (target.flags & ts.SymbolFlags.Value) {
        values.push(exported.name);
        for (const d of target.declarations ?? []) if (!isTypeDeclaration(d)) walkDeclaration(d);
      }
      // A name that is both a value and a type (the `as const` enum pattern) counts as a value.
      else types.push(exported.name);
    }
    out[entries[i]!] = {
      values: values.sort(),
      types: types.sort(),
      reachableTypes: [...reached].sort(),
      reachableValues: [...reachedValues].sort(),
    };
  }
  return out;
}
