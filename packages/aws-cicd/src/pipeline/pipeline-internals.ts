/**
 * What a `Pipeline` keeps for itself: its validated plan and what `grantApproval` needs. It lives
 * outside the class because the Pulumi schema analyzer publishes every class property, private
 * ones included, as an output that every Pulumi language would see. Not exported by the package.
 */
import type { AwsContext } from "../internal/aws-context";
import type { Pipeline } from "./pipeline";
import type { PlannedStage } from "./stages";

/** The internal state of one pipeline. */
export interface PipelineInternals {
  /** Stages with every default resolved (names, run orders, artifacts). */
  stages: PlannedStage[];
  /** The component's name, prefix of the approval grants' policy names. */
  resourceName: string;
  /** Account, partition and region of the pipeline's provider. */
  ctx: AwsContext;
  /** The pipeline's physical name. */
  physicalName: string;
  /** How many `grantApproval` policies the pipeline has made (they get numbered). */
  approvalGrants: number;
}

/** Internal state by pipeline. */
export const internals = new WeakMap<Pipeline, PipelineInternals>();

/** The internal state of `pipeline`. */
export function internalsOf(pipeline: Pipeline): PipelineInternals {
  const state = internals.get(pipeline);
  if (state === undefined) throw new Error("This Pipeline has no internal state: construct it with `new Pipeline(...)`.");
  return state;
}

/** The stages of `pipeline` with every default resolved (names, run orders, artifacts): its validated plan. */
export function plannedStages(pipeline: Pipeline): readonly PlannedStage[] {
  return internalsOf(pipeline).stages;
}
