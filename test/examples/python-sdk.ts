// What the Python SDK that `pulumi package add` generates from packages/aws-cicd/schema.json looks
// like, as far as a program uses it: module name, class names and keyword argument names, from
// the rules of Pulumi's Python code generator (pkg/codegen/python). And a small reader of Python
// calls, enough for the examples' plain code (no comments or strings holding parentheses across
// calls are needed beyond what it skips).

/** The module of the generated SDK of a package: `pulumi_` and the package name with `_` for `-`. */
export function pythonModuleName(packageName: string): string {
  return `pulumi_${packageName.replace(/-/g, "_")}`;
}

/**
 * A schema property name as the Python SDK spells it (the generator's `PyName`): camelCase words
 * become snake_case, an acronym stays one word (`keyARN` is `key_arn`, `SHA256Hash` is
 * `sha256_hash`, `ARNs` is `arns`), characters that cannot be in an identifier become `_`
 * (`run-as` is `run_as`), and a Python keyword gets a trailing `_`.
 */
export function pythonName(name: string): string {
  const words: string[] = [];
  let word = "";
  let state: "first" | "upper" | "acronym" | "lower" = "first";
  for (let ch of name) {
    if (!/[A-Za-z0-9_]/.test(ch)) ch = "_";
    const isUpper = ch !== ch.toLowerCase();
    if (state === "first") {
      if (/[0-9]/.test(ch)) word += "_";
      word += ch.toLowerCase();
      state = isUpper ? "upper" : "lower";
    } else if (state === "upper") {
      word += ch.toLowerCase();
      state = isUpper ? "acronym" : "lower";
    } else if (state === "acronym") {
      if (isUpper) {
        word += ch.toLowerCase();
      } else if (/[0-9s]/.test(ch)) {
        // Digits and a plural "s" stay with the acronym.
        word += ch;
        state = "lower";
      } else {
        // The acronym's last capital starts the next word.
        words.push(word.slice(0, -1));
        word = word.slice(-1) + ch;
        state = "lower";
      }
    } else if (isUpper) {
      words.push(word);
      word = ch.toLowerCase();
      state = "upper";
    } else {
      word += ch;
    }
  }
  if (word !== "") words.push(word);
  const joined = words.filter((w) => w !== "").join("_");
  return PYTHON_KEYWORDS.has(joined) ? `${joined}_` : joined;
}

const PYTHON_KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except exec finally for from global if " +
    "import in is lambda nonlocal not or pass print raise return try while with yield"
  ).split(" "),
);

/** The Python class of a schema object type used as an input: its name and `Args`. */
export function pythonInputClassName(typeName: string): string {
  return `${typeName}Args`;
}

/** One call `<module alias>.<Name>(...)` in a Python source. */
export interface PythonCall {
  /** The attribute called on the module (`Pipeline`, `StageArgsArgs`...). */
  name: string;
  /** 1-based line of the call. */
  line: number;
  /** Positional arguments, as written. */
  positional: string[];
  /** Keyword argument names, in order. */
  keywords: string[];
}

/** Every `<alias>.<Name>(` call in `source`, with its top-level arguments split. */
export function pythonCalls(source: string, alias: string): PythonCall[] {
  const calls: PythonCall[] = [];
  const pattern = new RegExp(`\\b${alias}\\.([A-Za-z_][A-Za-z0-9_]*)\\(`, "g");
  for (const m of source.matchAll(pattern)) {
    const open = m.index! + m[0].length - 1;
    const args = topLevelArguments(source, open);
    calls.push({
      name: m[1],
      line: source.slice(0, m.index).split("\n").length,
      positional: args.filter((a) => !KEYWORD.test(a)),
      keywords: args.filter((a) => KEYWORD.test(a)).map((a) => a.match(KEYWORD)![1]),
    });
  }
  return calls;
}

const KEYWORD = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/;

/** The arguments of the call whose `(` is at `open`, split at its own commas, trimmed, empty ones dropped. */
function topLevelArguments(source: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  let quote: string | undefined;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (quote !== undefined) {
      current += ch;
      if (ch === "\\") current += source[++i];
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (depth === 0) break;
    if (depth === 1 && (ch === "," || ch === "(")) {
      if (ch === ",") args.push(current.trim());
      if (ch === "," || i === open) current = "";
      continue;
    }
    current += ch;
  }
  args.push(current.trim());
  return args.filter((a) => a !== "");
}

/** `source` without its comments and triple-quoted strings (docstrings), lines kept in place. */
export function pythonCodeOnly(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, " ");
  return source.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''/g, blank).replace(/#[^\n]*/g, blank);
}
