import { isTrue, resourceRule } from "../rule";

export const codepipelineNoPolling = resourceRule(
  {
    id: "aws-cicd-codepipeline-no-polling",
    service: "codepipeline",
    description: "CodePipeline sources are triggered by events, not by polling (AWS recommendation; polling is deprecated).",
    severity: "low",
    remediation:
      'Set `PollForSourceChanges` to "false" and start the pipeline from an EventBridge rule or a connection trigger (Pipeline does).',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codepipeline/pipeline:Pipeline"],
  (props, report) => {
    // Stryker disable next-line ArrayDeclaration: a fallback item that is no stage has no actions.
    for (const stage of Array.isArray(props.stages) ? props.stages : []) {
      // Stryker disable next-line ArrayDeclaration: a fallback item that is no action has no configuration.
      for (const action of Array.isArray(stage?.actions) ? stage.actions : []) {
        if (isTrue(action?.configuration?.PollForSourceChanges))
          report(`Pipeline action "${stage.name}/${action.name}" polls for source changes.`);
      }
    }
  },
);
