/**
 * The usage the cost estimate assumes. Every value can be replaced with
 * `aws-cicd synth --cost <name>=<value>`; the report repeats the values it used.
 */

/** Usage assumptions of the estimate (per pipeline unless said otherwise). */
export interface CostInputs {
  /** Pipeline executions per day; each runs every build of the pipeline once. */
  buildsPerDay: number;
  /** Minutes of one CodeBuild build (also the minutes of its pipeline action). */
  minutesPerBuild: number;
  /** Days in a month. */
  daysPerMonth: number;
  /** Minutes of a source action, per execution. */
  sourceActionMinutes: number;
  /** Minutes of a deploy action (Beanstalk, CodeDeploy...), per execution. */
  deployActionMinutes: number;
  /** Minutes of any other billed action (invoke, test without CodeBuild), per execution. */
  otherActionMinutes: number;
  /** MB of artifacts one execution writes to the artifact bucket. */
  artifactMbPerExecution: number;
  /** MB of log data one build writes. */
  logMbPerBuild: number;
  /** Notifications one execution publishes to each topic. */
  notificationsPerExecution: number;
  /** Rotations each rotating key has had (its age in years, for yearly rotation). */
  keyRotations: number;
}

/** The usage assumed when nothing is given. */
export const DEFAULT_COST_INPUTS: Readonly<CostInputs> = {
  buildsPerDay: 10,
  minutesPerBuild: 5,
  daysPerMonth: 30,
  sourceActionMinutes: 1,
  deployActionMinutes: 5,
  otherActionMinutes: 1,
  artifactMbPerExecution: 50,
  logMbPerBuild: 1,
  notificationsPerExecution: 2,
  keyRotations: 0,
};

/** Inputs that must be whole numbers. */
const WHOLE: ReadonlySet<keyof CostInputs> = new Set(["daysPerMonth", "keyRotations"]);

/** Applies `name=value` overrides (from repeated `--cost`) to the defaults; errors name the input and what is allowed. */
export function costInputsOf(overrides: readonly string[]): CostInputs {
  const inputs: CostInputs = { ...DEFAULT_COST_INPUTS };
  const names = Object.keys(DEFAULT_COST_INPUTS) as (keyof CostInputs)[];
  for (const pair of overrides) {
    const eq = pair.indexOf("=");
    const name = (eq > 0 ? pair.slice(0, eq) : pair) as keyof CostInputs;
    if (!names.includes(name))
      throw new Error(`\`--cost\` names an unknown input "${name}" (from "${pair}"); inputs: ${names.join(", ")}.`);
    const raw = eq > 0 ? pair.slice(eq + 1) : "";
    const value = raw.trim() === "" ? NaN : Number(raw);
    if (!Number.isFinite(value) || value < 0 || (WHOLE.has(name) && !Number.isInteger(value)) || (name === "daysPerMonth" && value === 0))
      throw new Error(
        `\`--cost ${name}\` must be ${WHOLE.has(name) ? "a whole number" : "a number"} of ${name === "daysPerMonth" ? "1" : "0"} or more, got "${raw}". Example: --cost ${name}=${DEFAULT_COST_INPUTS[name]}.`,
      );
    inputs[name] = value;
  }
  return inputs;
}
