import { BadInputCase, ComponentName, deployRole, phases, spec } from "./bad-input-fixtures";

// ---------------------------------------------------------------------------------------------
// Issue 10 items 3, 6 and 7: component names, derived physical names, buildspec files and the
// CLI tools. Kept in a file of their own, apart from the other cases, so that branches merge cleanly.
// The names and buildspec cases are also in `BAD_INPUTS` (bad-input-cases.ts).
// ---------------------------------------------------------------------------------------------

const COMPONENT_NAME_RULE = (received: string) =>
  `\`name\` (the component's name) must hold at least one letter or digit and no control characters, got ${received}; AWS names are derived from it, so give a name such as "app-build".`;
const componentName = (component: ComponentName, name: string): BadInputCase => ({
  category: "name", component, name, args: {}, arg: "name", received: JSON.stringify(name), message: COMPONENT_NAME_RULE(JSON.stringify(name)),
});
const BUCKET_PREFIX_RESERVED = (v: string) =>
  `\`bucketPrefix\` must not hold two adjacent periods or start with "xn--", "sthree-", "amzn-s3-demo-" (S3 refuses such bucket names), got "${v}".`;
const specFiles = (artifacts: object) => spec({ artifacts });

/** Names that cannot make AWS names, and buildspecs with patterns or sizes CodeBuild refuses. */
export const NAMES_AND_BUILDSPEC_FILES: BadInputCase[] = [
  componentName("BuildProject", "---"),
  componentName("SecureBucket", "***"),
  componentName("Pipeline", "..."),
  componentName("EncryptionKey", "___"),
  componentName("BeanstalkTarget", "+++"),
  componentName("SecureTopic", "tab\there"),
  componentName("CodeCommitRepo", "@@@"),
  componentName("Ec2FleetTarget", "!!!"),
  componentName("CrossAccountDeployRole", "///"),
  componentName("BuildProject", "line\nbreak"),
  { category: "name", component: "SecureBucket", name: "prefix-double-dot", args: { bucketPrefix: "my..bucket" }, arg: "bucketPrefix", received: '"my..bucket"',
    message: BUCKET_PREFIX_RESERVED("my..bucket") },
  { category: "name", component: "SecureBucket", name: "prefix-xn", args: { bucketPrefix: "xn--app" }, arg: "bucketPrefix", received: '"xn--app"',
    message: BUCKET_PREFIX_RESERVED("xn--app") },
  { category: "name", component: "SecureBucket", name: "prefix-sthree", args: { bucketPrefix: "sthree-logs" }, arg: "bucketPrefix", received: '"sthree-logs"',
    message: BUCKET_PREFIX_RESERVED("sthree-logs") },
  { category: "name", component: "CrossAccountDeployRole", name: "app-pipeline", args: deployRole({}), arg: "name", received: '"app-pipeline"',
    message: '`name` "app-pipeline" would give this deploy role the same IAM role name as the role of `new Pipeline("app")` (aws-cicd-test-test-app-pipeline), and IAM role names are unique in an account; choose a name that does not end in "-pipeline", or set `roleName`.' },
  { category: "buildspec", component: "BuildProject", name: "reversed-range", args: specFiles({ files: ["dist/[z-a]*.js"] }),
    arg: "buildSpec.artifacts.files[0]", received: '"dist/[z-a]*.js"',
    message: '`buildSpec.artifacts.files[0]` is not a valid pattern, got "dist/[z-a]*.js": the range "z-a" is reversed; write "a-z".' },
  { category: "buildspec", component: "BuildProject", name: "empty-class", args: specFiles({ files: ["**/*"], "exclude-paths": ["tmp/[]"] }),
    arg: "buildSpec.artifacts.exclude-paths[0]", received: '"tmp/[]"',
    message: '`buildSpec.artifacts.exclude-paths[0]` is not a valid pattern, got "tmp/[]": the character class "[]" is empty.' },
  { category: "buildspec", component: "BuildProject", name: "negated-empty-class", args: specFiles({ files: ["**/*"], "secondary-artifacts": { site: { files: ["[!]"] } } }),
    arg: "buildSpec.artifacts.secondary-artifacts.site.files[0]", received: '"[!]"',
    message: '`buildSpec.artifacts.secondary-artifacts.site.files[0]` is not a valid pattern, got "[!]": the character class "[!]" is empty.' },
  { category: "buildspec", component: "BuildProject", name: "report-reversed-range", args: spec({ reports: { unit: { files: ["[9-0].xml"] } } }),
    arg: "buildSpec.reports.unit.files[0]", received: '"[9-0].xml"',
    message: '`buildSpec.reports.unit.files[0]` is not a valid pattern, got "[9-0].xml": the range "9-0" is reversed; write "0-9".' },
  { category: "buildspec", component: "BuildProject", name: "cache-reversed-range", args: spec({ cache: { paths: ["/root/[Z-A]/**/*"] } }),
    arg: "buildSpec.cache.paths[0]", received: '"/root/[Z-A]/**/*"',
    message: '`buildSpec.cache.paths[0]` is not a valid pattern, got "/root/[Z-A]/**/*": the range "Z-A" is reversed; write "A-Z".' },
  { category: "buildspec", component: "BuildProject", name: "inline-too-long", args: phases({ commands: [`echo ${"x".repeat(26000)}`] }),
    arg: "buildSpec", received: "26058 characters",
    message: "`buildSpec` renders to 26058 characters; CodeBuild accepts at most 25600. Move long command lists into scripts in the source, or use `buildSpecFile`." },
];

/** A hostile input to a CLI command: the files it runs on, and its exact exit code and first stderr line. */
export interface ToolBadInputCase {
  name: string;
  command: "buildspec validate" | "buildspec run" | "synth";
  /** Files of the working directory (for synth, the Pulumi program directory). */
  files: Record<string, string>;
  /** Arguments after the command; `{dir}` is the working directory. */
  argv: string[];
  /** Host environment additions. */
  env?: Record<string, string>;
  code: number;
  /** The first line of stderr, exactly; `{dir}` is the working directory. */
  stderr: string;
}

const BS_HEAD = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n";
const NESTING = "The buildspec nests lists and mappings more than 64 levels deep; a buildspec needs a few. Flatten the structure.";
const LONG_FILE = `${BS_HEAD}# ${"x".repeat(25600)}\n`;
const HUGE_FILE = `${BS_HEAD}# ${"x".repeat(102400)}\n`;
const ALIAS_BOMB = `${BS_HEAD}a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
const DEEP_BLOCK = `${BS_HEAD}x:\n${Array.from({ length: 80 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")} v\n`;
const SYNTH_PROGRAM = (body: string) => ({ "Pulumi.yaml": "name: hostile\nruntime: nodejs\n", "index.ts": `import * as lib from "aws-cicd";\n${body}` });
const DUPLICATE = (type: string, name: string) =>
  `aws-cicd synth: The program failed: Duplicate resource URN "urn:pulumi:dev::hostile::aws-cicd:index:${type}::${name}": the program creates two aws-cicd:index:${type} resources named "${name}", which \`pulumi preview\` refuses. Give each a distinct name.`;

export const TOOL_BAD_INPUTS: ToolBadInputCase[] = [
  { name: "no-version", command: "buildspec validate", files: { "bs.yml": "phases:\n  build:\n    commands: [x]\n" }, argv: ["bs.yml"], code: 1,
    stderr: "bs.yml:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it." },
  { name: "json-no-version", command: "buildspec validate", files: { "bs.json": '{"phases": {"build": {"commands": ["x"]}}}' }, argv: ["bs.json"], code: 1,
    stderr: "bs.json:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it." },
  { name: "too-long", command: "buildspec validate", files: { "bs.yml": LONG_FILE }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:1:1: The buildspec is ${LONG_FILE.length} characters long; CodeBuild accepts at most 25600. Move long command lists into scripts in the source and run those.` },
  { name: "too-many-bytes", command: "buildspec validate", files: { "bs.yml": HUGE_FILE }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:1:1: The buildspec is ${HUGE_FILE.length} bytes long; CodeBuild accepts at most 25600 characters. Move long command lists into scripts in the source and run those.` },
  { name: "device", command: "buildspec validate", files: {}, argv: ["/dev/zero"], code: 2,
    stderr: "Cannot read buildspec `/dev/zero`: it is not a regular file. Give the path of a buildspec.yml as FILE." },
  { name: "deep-flow", command: "buildspec validate", files: { "bs.yml": BS_HEAD.replace("- echo hi", `- ${"[".repeat(3000)}${"]".repeat(3000)}`) }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:5:69: ${NESTING}` },
  { name: "deep-flow-map", command: "buildspec validate", files: { "bs.yml": `${"{a: ".repeat(3000)}1${"}".repeat(3000)}` }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:1:257: ${NESTING}` },
  { name: "deep-block", command: "buildspec validate", files: { "bs.yml": DEEP_BLOCK }, argv: ["bs.yml"], code: 1,
    stderr: `bs.yml:70:65: ${NESTING}` },
  { name: "alias-bomb", command: "buildspec validate", files: { "bs.yml": ALIAS_BOMB }, argv: ["bs.yml"], code: 1,
    stderr: "bs.yml:1:1: YAML syntax error: Excessive alias count indicates a resource exhaustion attack." },
  { name: "file-reversed-range", command: "buildspec validate", files: { "bs.yml": `${BS_HEAD}artifacts:\n  files:\n    - "[z-a]"\n` }, argv: ["bs.yml"], code: 1,
    stderr: 'bs.yml:8:7: `buildSpec.artifacts.files[0]` is not a valid pattern, got "[z-a]": the range "z-a" is reversed; write "a-z".' },
  { name: "run-out-outside", command: "buildspec run", files: { "buildspec.yml": BS_HEAD }, argv: ["--out", "../elsewhere"], code: 2,
    stderr: "`--out` {parent}/elsewhere is outside {dir}; a local build writes only inside its working directory. Give a path inside it." },
  { name: "run-out-absolute", command: "buildspec run", files: { "buildspec.yml": BS_HEAD }, argv: ["--out", "/"], code: 2,
    stderr: "`--out` / is outside {dir}; a local build writes only inside its working directory. Give a path inside it." },
  { name: "run-pass-env-assignment", command: "buildspec run", files: { "buildspec.yml": BS_HEAD }, argv: ["--out", "out", "--pass-env", "TOKEN=x"], code: 2,
    stderr: '`--pass-env` must name an environment variable (letters, digits and _, not starting with a digit), got "TOKEN=x".' },
  { name: "run-no-version", command: "buildspec run", files: { "buildspec.yml": "phases:\n  build:\n    commands: [x]\n" }, argv: ["--out", "out"], code: 1,
    stderr: "buildspec.yml:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it." },
  { name: "synth-duplicate-build", command: "synth", files: SYNTH_PROGRAM('new lib.BuildProject("svc");\nnew lib.BuildProject("svc");\n'), argv: ["{dir}"], code: 1,
    stderr: DUPLICATE("BuildProject", "svc") },
  { name: "synth-duplicate-key", command: "synth", files: SYNTH_PROGRAM('new lib.EncryptionKey("k");\nnew lib.EncryptionKey("k");\n'), argv: ["{dir}"], code: 1,
    stderr: DUPLICATE("EncryptionKey", "k") },
  { name: "synth-bad-name", command: "synth", files: SYNTH_PROGRAM('new lib.BuildProject("???");\n'), argv: ["{dir}"], code: 1,
    stderr: `aws-cicd synth: The program failed: ${COMPONENT_NAME_RULE('"???"')}` },
];
