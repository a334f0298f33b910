/**
 * The monthly cost estimate of a synthesized program: each pipeline with the resources only it
 * uses, and the rest as `shared`. It prices what the pipelines themselves cost (CodePipeline,
 * CodeBuild minutes, keys, artifact storage under the bucket's expiry rules, notifications,
 * alarms and build logs) from a price table (cost-prices.ts) and stated usage (cost-inputs.ts).
 * It is an estimate, never a quote: the report says so, and lists what it leaves out.
 */
import type { EngineResource } from "../engine";
import type { CostInputs } from "./cost-inputs";
import type { PriceTable } from "./cost-prices";
import type { CostGroupReport, CostLineReport, CostReport } from "./report-types";

const T = {
  pipeline: "aws:codepipeline/pipeline:Pipeline",
  project: "aws:codebuild/project:Project",
  key: "aws:kms/key:Key",
  bucket: "aws:s3/bucket:Bucket",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
} as const;

/** Components whose whole subtree belongs to the pipeline or build they hold. */
const PIPELINE_COMPONENT = "aws-cicd:index:Pipeline";
const BUILD_COMPONENT = "aws-cicd:index:BuildProject";

/** Days a never-expiring log group or bucket is priced for (its first year). */
export const UNBOUNDED_RETENTION_DAYS = 365;

/** The sentence every rendering of the cost section repeats. */
export const COST_DISCLAIMER =
  "Estimates only, not a quote: list prices from the table below and the usage assumed below, before free tiers, taxes and discounts. Check them with the AWS Pricing Calculator.";

/** What the estimate does not price. */
export const NOT_INCLUDED: readonly string[] = [
  "the deploy targets' own compute (Beanstalk instances and load balancers, EC2 fleets, ECS tasks, Lambda invocations)",
  "KMS, S3 and CloudWatch API requests, and data transfer",
  "storage of buckets that are not a pipeline's artifact store (e.g. state or access-log buckets)",
  "CodeCommit users, Secrets Manager secrets and Parameter Store parameters the program only references",
  "free tiers (AWS applies them per account, not per pipeline)",
];

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));
const nameOf = (r: EngineResource): string => str(r.state.name ?? r.inputs.name);
const bucketNameOf = (r: EngineResource): string => str(r.state.bucket ?? r.inputs.bucket ?? r.state.id ?? r.id);

interface Action {
  category: string;
  owner: string;
  provider: string;
  configuration: Record<string, unknown>;
}
const actionsOf = (p: EngineResource): Action[] => ((p.inputs.stages ?? []) as { actions?: Action[] }[]).flatMap((s) => s.actions ?? []);

/** The resources of each group: a pipeline with its component's subtree and the builds it runs. */
function groupsOf(resources: EngineResource[]): { pipeline: EngineResource; owner: EngineResource; members: Set<string> }[] {
  const children = new Map<string, EngineResource[]>();
  for (const r of resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const subtree = (root: EngineResource, into: Set<string>) => {
    into.add(root.urn);
    for (const c of children.get(root.urn) ?? []) subtree(c, into);
  };
  const projectsByName = new Map(resources.filter((r) => r.type === T.project).map((r) => [nameOf(r), r]));
  return resources
    .filter((r) => r.type === T.pipeline)
    .map((pipeline) => {
      const parent = pipeline.parent ? byUrn.get(pipeline.parent) : undefined;
      const owner = parent?.type === PIPELINE_COMPONENT ? parent : pipeline;
      const members = new Set<string>();
      subtree(owner, members);
      for (const a of actionsOf(pipeline)) {
        const project = projectsByName.get(str(a.configuration?.ProjectName));
        if (!project) continue;
        const holder = project.parent ? byUrn.get(project.parent) : undefined;
        subtree(holder?.type === BUILD_COMPONENT ? holder : project, members);
      }
      return { pipeline, owner, members };
    });
}

/** Minutes one execution of a V2 pipeline is billed for (approvals and custom actions are free). */
function actionMinutes(p: EngineResource, inputs: CostInputs): { minutes: number; billed: number } {
  let minutes = 0;
  let billed = 0;
  for (const a of actionsOf(p)) {
    if (a.category === "Approval" || (a.owner !== undefined && a.owner !== "AWS" && a.owner !== "ThirdParty")) continue;
    billed++;
    if (a.category === "Source") minutes += inputs.sourceActionMinutes;
    else if (a.provider === "CodeBuild") minutes += inputs.minutesPerBuild;
    else if (a.category === "Deploy") minutes += inputs.deployActionMinutes;
    else minutes += inputs.otherActionMinutes;
  }
  return { minutes, billed };
}

/** Estimates the monthly cost of the program's pipelines (see the module comment). */
export function estimateCost(resources: EngineResource[], prices: PriceTable, inputs: CostInputs, pricesFile: string): CostReport {
  const custom = resources.filter((r) => r.custom);
  const executions = inputs.buildsPerDay * inputs.daysPerMonth;
  const pipelines = custom.filter((r) => r.type === T.pipeline);
  const groups = groupsOf(resources);

  // How often each build project runs, and each artifact bucket is written, per month.
  const projectRuns = new Map<string, number>();
  const bucketWrites = new Map<string, number>();
  for (const p of pipelines) {
    for (const a of actionsOf(p)) {
      const project = str(a.configuration?.ProjectName);
      if (a.provider === "CodeBuild" && project) projectRuns.set(project, (projectRuns.get(project) ?? 0) + executions);
    }
    for (const store of (p.inputs.artifactStores ?? []) as { location?: string }[]) {
      const bucket = str(store.location);
      if (bucket) bucketWrites.set(bucket, (bucketWrites.get(bucket) ?? 0) + executions);
    }
  }

  const unpriced: string[] = [];
  const lines = new Map<string, CostLineReport[]>();
  const add = (r: EngineResource, item: string, quantity: number, unit: string, unitPrice: number) => {
    const line = {
      resource: r.name,
      type: r.type,
      item,
      quantity: round(quantity, 4),
      unit,
      unitPrice,
      monthly: round(quantity * unitPrice, 4),
    };
    lines.set(r.urn, [...(lines.get(r.urn) ?? []), line]);
  };
  const runsOf = (project: EngineResource) => projectRuns.get(nameOf(project)) ?? executions;
  const retentionOf = (bucket: EngineResource): number | undefined => {
    const lifecycle = custom.find((l) => l.type === T.lifecycle && str(l.inputs.bucket) === bucketNameOf(bucket));
    const versioned = custom.some(
      (v) =>
        v.type === T.versioning && str(v.inputs.bucket) === bucketNameOf(bucket) && v.inputs.versioningConfiguration?.status === "Enabled",
    );
    const rules = ((lifecycle?.inputs.rules ?? []) as Record<string, any>[]).filter((rule) => rule.status === "Enabled");
    const current = rules.map((rule) => Number(rule.expiration?.days)).find((d) => d > 0);
    if (current === undefined) return undefined;
    const noncurrent = rules.map((rule) => Number(rule.noncurrentVersionExpiration?.noncurrentDays)).find((d) => d > 0);
    if (versioned && noncurrent === undefined) return undefined;
    return current + (versioned ? (noncurrent ?? 0) : 0);
  };

  for (const r of custom) {
    switch (r.type) {
      case T.pipeline: {
        if (r.inputs.pipelineType === "V2") {
          const { minutes, billed } = actionMinutes(r, inputs);
          add(
            r,
            `V2 action minutes (${billed} billed actions x ${executions} executions)`,
            minutes * executions,
            "action-minute",
            prices.codepipeline.v2ActionMinute,
          );
        } else add(r, "active V1 pipeline", 1, "pipeline-month", prices.codepipeline.v1ActivePipelineMonth);
        break;
      }
      case T.project: {
        const env = (r.inputs.environment ?? {}) as Record<string, unknown>;
        const kind = `${str(env.type)}/${str(env.computeType)}`;
        const price = prices.codebuild.minute[kind];
        const runs = runsOf(r);
        if (price === undefined) unpriced.push(`${r.name} (${r.type}): no build-minute price for ${kind} in the price table`);
        else add(r, `build minutes (${kind}, ${runs} builds)`, runs * inputs.minutesPerBuild, "build-minute", price);
        break;
      }
      case T.key: {
        add(r, "customer managed key", 1, "key-month", prices.kms.keyMonth);
        const rotations = r.inputs.enableKeyRotation ? Math.min(inputs.keyRotations, prices.kms.pricedRotations) : 0;
        if (rotations > 0) add(r, "rotated key material", rotations, "key-month", prices.kms.rotatedKeyMaterialMonth);
        break;
      }
      case T.bucket: {
        const writes = bucketWrites.get(bucketNameOf(r));
        if (writes === undefined) break;
        const retention = retentionOf(r);
        const days = retention ?? UNBOUNDED_RETENTION_DAYS;
        const gb = ((inputs.artifactMbPerExecution / 1024) * writes * days) / inputs.daysPerMonth;
        const why = retention === undefined ? `no expiry: a year of artifacts` : `artifacts kept ${days} days`;
        add(r, `S3 Standard storage (${why})`, gb, "GB-month", prices.s3.standardGbMonth);
        break;
      }
      case T.logGroup: {
        const writers = custom.filter((p) => p.type === T.project && str(p.inputs.logsConfig?.cloudwatchLogs?.groupName) === nameOf(r));
        if (writers.length === 0) break;
        const ingestGb = writers.reduce((sum, p) => sum + runsOf(p), 0) * (inputs.logMbPerBuild / 1024);
        const retention = Number(r.inputs.retentionInDays) > 0 ? Number(r.inputs.retentionInDays) : undefined;
        add(r, "log data ingested", ingestGb, "GB", prices.cloudwatch.logsIngestGb);
        const days = retention ?? UNBOUNDED_RETENTION_DAYS;
        const why = retention === undefined ? "never expires: a year of logs" : `kept ${days} days`;
        add(r, `log data stored (${why})`, (ingestGb * days) / inputs.daysPerMonth, "GB-month", prices.cloudwatch.logsStoreGbMonth);
        break;
      }
      case T.alarm: {
        const queries = (r.inputs.metricQueries ?? []) as { metric?: unknown }[];
        const metrics = Math.max(1, queries.filter((q) => q.metric).length);
        const high = Number(r.inputs.period) > 0 && Number(r.inputs.period) < 60;
        add(
          r,
          `${high ? "high" : "standard"}-resolution alarm (${metrics} metric${metrics === 1 ? "" : "s"})`,
          metrics,
          "alarm-metric-month",
          high ? prices.cloudwatch.highResolutionAlarmMetricMonth : prices.cloudwatch.standardAlarmMetricMonth,
        );
        break;
      }
      case T.topic: {
        const publishes = inputs.notificationsPerExecution * executions;
        const arn = str(r.state.arn);
        const emails = custom.filter(
          (s) => s.type === T.subscription && s.inputs.protocol === "email" && str(s.inputs.topic) === arn,
        ).length;
        add(r, "publish requests", publishes / 1e6, "million requests", prices.sns.publishMillion);
        if (emails > 0)
          add(
            r,
            `e-mail deliveries (${emails} subscribers)`,
            (publishes * emails) / 1e5,
            "100k deliveries",
            prices.sns.emailHundredThousand,
          );
        break;
      }
    }
  }

  // A resource in exactly one pipeline's group is that pipeline's; the rest is shared.
  const claims = new Map<string, number>();
  for (const g of groups) for (const urn of g.members) claims.set(urn, (claims.get(urn) ?? 0) + 1);
  const group = (name: string, urns: Iterable<string>, pipelineName?: string): CostGroupReport => {
    const own = [...urns].flatMap((urn) => lines.get(urn) ?? []);
    const monthly = round(
      own.reduce((sum, l) => sum + l.monthly, 0),
      2,
    );
    return { name, ...(pipelineName !== undefined ? { pipelineName } : {}), monthly, lines: own };
  };
  const order = custom.map((r) => r.urn);
  const pipelineGroups = groups.map((g) =>
    group(
      g.owner.name,
      order.filter((urn) => g.members.has(urn) && claims.get(urn) === 1),
      nameOf(g.pipeline),
    ),
  );
  const shared = group(
    "shared",
    order.filter((urn) => claims.get(urn) !== 1),
  );
  const total = round(
    pipelineGroups.reduce((s, g) => s + g.monthly, shared.monthly),
    2,
  );
  return {
    estimate: true,
    disclaimer: COST_DISCLAIMER,
    currency: prices.currency,
    prices: { region: prices.region, date: prices.date, file: pricesFile, sources: prices.sources },
    inputs: { ...inputs },
    pipelines: pipelineGroups,
    shared,
    total,
    unpriced,
    notIncluded: [...NOT_INCLUDED],
  };
}
