import { resourceRule } from "../rule";

export const lambdaAliasCodedeploy = resourceRule(
  {
    id: "aws-cicd-lambda-alias-codedeploy",
    service: "lambda",
    description:
      "Lambda aliases do not split traffic by weights fixed in the program (`routingConfig.additionalVersionWeights`): CodeDeploy shifts it (canary or linear, with alarm rollback), as LambdaTarget does, and the program ignores the alias's version and routing.",
    severity: "medium",
    remediation:
      'Remove `routingConfig` and deploy new versions with a CodeDeploy Lambda deployment group (LambdaTarget), with `ignoreChanges: ["functionVersion", "routingConfig"]` on the alias.',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:lambda/alias:Alias"],
  (props, report) => {
    const weights = props.routingConfig?.additionalVersionWeights;
    if (weights === undefined || weights === null || Object.keys(weights).length === 0) return;
    // Version numbers are integer keys, which keep ascending numeric order.
    report(`Lambda alias sends traffic to versions ${Object.keys(weights).join(", ")} by fixed weights, with no alarm to roll back on.`);
  },
);
