import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Stack } from "aws-cdk-lib";
import { CfnInclude } from "aws-cdk-lib/cloudformation-include";
import { AwsSolutionsChecks } from "cdk-nag";
import { Translation } from "./translate";

/** One AwsSolutions finding on one translated resource. */
export interface NagFinding {
  /** e.g. `AwsSolutions-IAM5`. */
  ruleId: string;
  /** What a finding-level rule names (IAM4/IAM5): e.g. `Resource::<AppArtifactsBucket.Arn>/*`. */
  detail?: string;
  logicalId: string;
  level: string;
  /** The rule's message (with the error text when the rule could not evaluate the resource). */
  description: string;
}

/** Node id of the included template under the stack. */
const INCLUDED = "Included";

/**
 * Runs cdk-nag's AwsSolutions pack on a translated template: includes it in a CDK stack (so each
 * resource becomes its L1 `Cfn*` class, which the rules test with `instanceof`) and walks it with
 * `validateScope`, without synthesizing. Only a temporary directory is written (the template file
 * CfnInclude reads, and the app's outdir), and removed.
 */
export function runNag(stackName: string, translation: Translation): NagFinding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdk-nag-"));
  try {
    const templateFile = path.join(dir, "template.json");
    fs.writeFileSync(templateFile, JSON.stringify(translation.template));
    const app = new App({ outdir: path.join(dir, "cdk.out") });
    const stack = new Stack(app, stackName.replace(/[^A-Za-z0-9-]/g, "-"));
    new CfnInclude(stack, INCLUDED, { templateFile, allowCyclicalReferences: true });
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
    const findings: NagFinding[] = [];
    for (const v of report.violations) {
      const match = /^([^[]+)(?:\[(.*)\])?$/s.exec(v.ruleName);
      for (const res of v.violatingResources) {
        const constructPath = res.constructPath ?? "";
        findings.push({
          ruleId: match?.[1] ?? v.ruleName,
          detail: match?.[2],
          logicalId: constructPath.split("/").pop() ?? constructPath,
          level: v.severity ?? "error",
          description: v.description,
        });
      }
    }
    return findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
