/**
 * The preview summary generator: a dependency-free Node script (CommonJS, Node 18 or later) that
 * the preview buildspec writes to a temporary file and runs on the output of
 * `pulumi preview --json`. It is kept here as source text, so that the buildspec carries it
 * (base64, one command) and the build needs nothing but `node` and `base64`.
 *
 * Input: the `PreviewDigest` that `pulumi preview --json` prints, whose fields are documented in
 * Pulumi's source, https://github.com/pulumi/pulumi/blob/master/sdk/go/common/display/json.go
 * (`steps[]` with `op`, `urn`, `oldState`, `newState`, `diffReasons`; `changeSummary` counting
 * steps by operation), for the `--json` flag of
 * https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/.
 *
 * Usage: `node summarize.cjs <preview.json> <output directory> <stack>`. Writes `summary.md` and
 * `summary.json` to the output directory and prints shell assignments (`PLAN_CREATES='2'` ...)
 * of the exported variables on stdout. Exits 1, printing why on stderr, when the input is not a
 * preview digest.
 */

/** Resource types whose every change is a permission change: flagged as broadening. */
export const PERMISSION_RESOURCE_TYPES = [
  "aws:kms/keyPolicy:KeyPolicy",
  "aws:kms/grant:Grant",
  "aws:s3/bucketPolicy:BucketPolicy",
] as const;
/** Resource types carrying an inline `policy` input: flagged when that input is set or changes. */
export const POLICY_BEARING_RESOURCE_TYPES = ["aws:kms/key:Key", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;
/** Type prefix of every IAM resource (roles, policies, attachments, users, groups...): all flagged. */
export const IAM_RESOURCE_TYPE_PREFIX = "aws:iam/";

/** The script (CommonJS), with the type lists above substituted. */
export const PREVIEW_SUMMARY_SCRIPT = `"use strict";
const fs = require("fs");
const path = require("path");
const IAM_PREFIX = ${JSON.stringify(IAM_RESOURCE_TYPE_PREFIX)};
const PERMISSION_TYPES = ${JSON.stringify(PERMISSION_RESOURCE_TYPES)};
const POLICY_BEARING_TYPES = ${JSON.stringify(POLICY_BEARING_RESOURCE_TYPES)};
const COUNTED = ["create", "update", "replace", "delete"];
const REPLACE_OPS = ["replace", "create-replacement", "delete-replaced"];
const UNCHANGED_OPS = ["same", "read", "refresh"];
function fail(message) { process.stderr.write("summarize: " + message + "\\n"); process.exit(1); }
const [input, outDir, stack] = process.argv.slice(2);
if (!input || !outDir || !stack) fail("usage: node summarize.cjs <preview.json> <output directory> <stack>");
let digest;
try { digest = JSON.parse(fs.readFileSync(input, "utf8")); } catch (e) { fail("cannot read the preview JSON " + input + ": " + e.message); }
if (digest === null || typeof digest !== "object" || Array.isArray(digest)) fail(input + " is not a pulumi preview --json document (an object with steps and changeSummary).");
const steps = Array.isArray(digest.steps) ? digest.steps : [];
function typeOf(step) {
  const state = step.newState || step.oldState || {};
  if (typeof state.type === "string") return state.type;
  const parts = String(step.urn || "").split("::");
  const types = (parts[2] || "").split("$");
  return types[types.length - 1] || "unknown";
}
function nameOf(step) { const parts = String(step.urn || "").split("::"); return parts[3] || String(step.urn || "unknown"); }
const byUrn = new Map();
for (const step of steps) {
  if (!step || typeof step.op !== "string" || UNCHANGED_OPS.includes(step.op)) continue;
  const urn = String(step.urn || "");
  const known = byUrn.get(urn);
  if (known) {
    if (REPLACE_OPS.includes(step.op)) known.op = "replace";
    known.steps.push(step);
    continue;
  }
  byUrn.set(urn, { urn, op: REPLACE_OPS.includes(step.op) ? "replace" : step.op, type: typeOf(step), name: nameOf(step), steps: [step] });
}
function permissionReason(change) {
  if (change.type.startsWith(IAM_PREFIX)) return "IAM resource";
  if (PERMISSION_TYPES.includes(change.type)) return "resource policy";
  if (!POLICY_BEARING_TYPES.includes(change.type)) return undefined;
  for (const step of change.steps) {
    if (Array.isArray(step.diffReasons) && step.diffReasons.includes("policy")) return "policy changes";
    const inputs = (step.newState && step.newState.inputs) || {};
    if ((change.op === "create" || change.op === "replace") && inputs.policy !== undefined) return "sets a policy";
  }
  return undefined;
}
const changes = [...byUrn.values()].map((c) => ({ urn: c.urn, op: c.op, type: c.type, name: c.name, permission: permissionReason(c) }));
const summary = digest.changeSummary && typeof digest.changeSummary === "object" ? digest.changeSummary : undefined;
const counts = {};
for (const op of COUNTED) {
  const n = summary ? Number(summary[op] || 0) : changes.filter((c) => c.op === op).length;
  counts[op] = Number.isFinite(n) ? n : 0;
}
const iam = changes.filter((c) => c.permission !== undefined);
const broadened = iam.length > 0;
const line = "Stack " + stack + ": " + counts.create + " to create, " + counts.update + " to update, " + counts.replace + " to replace, " + counts.delete + " to delete; " + (broadened ? iam.length + " permission change(s), review before approving." : "no permission change.");
const md = ["# Pulumi plan for stack " + stack, "", line, "", "| Operation | Count |", "| --- | --- |"];
for (const op of COUNTED) md.push("| " + op + " | " + counts[op] + " |");
md.push("", "## Changed resources", "");
if (changes.length === 0) md.push("None.");
for (const c of changes) md.push("- " + c.op + " " + c.type + " " + c.name + (c.permission ? " **PERMISSION BROADENING** (" + c.permission + ")" : ""));
md.push("", "## Permission changes (IAM, key and bucket policies)", "");
if (!broadened) md.push("None.");
for (const c of iam) md.push("- " + c.op + " " + c.type + " " + c.name + ": " + c.permission + "; treat as broadening.");
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "summary.md"), md.join("\\n") + "\\n");
fs.writeFileSync(path.join(outDir, "summary.json"), JSON.stringify({ stack, counts, iamBroadened: broadened, changes }, null, 2) + "\\n");
const quote = (v) => "'" + String(v).replace(/'/g, "'\\\\''") + "'";
const vars = {
  PLAN_CREATES: counts.create,
  PLAN_UPDATES: counts.update,
  PLAN_REPLACES: counts.replace,
  PLAN_DELETES: counts.delete,
  PLAN_IAM_CHANGES: iam.length,
  PLAN_IAM_BROADENED: broadened ? "true" : "false",
  PLAN_SUMMARY: line,
  PLAN_SUMMARY_URL: process.env.CODEBUILD_BUILD_URL || "",
};
for (const [k, v] of Object.entries(vars)) process.stdout.write(k + "=" + quote(v) + "\\n");
`;
