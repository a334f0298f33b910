/**
 * The price table of the cost estimate: list prices of one region in a JSON data file, with the
 * date they were read and the page of each service. The shipped table is
 * `data/prices-us-east-1.json`; `aws-cicd synth --prices FILE` replaces it (another region, or
 * prices of your own), and the file is checked field by field before it is used.
 */
import * as fs from "fs";
import * as path from "path";

/** A price table (the shape of `data/prices-us-east-1.json`). All prices in `currency`, before free tiers. */
export interface PriceTable {
  /** Region the prices are for. */
  region: string;
  currency: string;
  /** Day the prices were read, `YYYY-MM-DD`. */
  date: string;
  description: string;
  /** The page each service's prices come from, by service. */
  sources: Record<string, string>;
  codepipeline: {
    /** A V1 pipeline that ran at least once in the month. */
    v1ActivePipelineMonth: number;
    /** A minute of a V2 action (approvals and custom actions are free). */
    v2ActionMinute: number;
  };
  codebuild: {
    /** A build minute by `<environment type>/<compute type>`, e.g. `LINUX_CONTAINER/BUILD_GENERAL1_SMALL`. */
    minute: Record<string, number>;
  };
  kms: {
    /** A customer managed key, per month. */
    keyMonth: number;
    /** Each rotated key material, per month, up to `pricedRotations` rotations. */
    rotatedKeyMaterialMonth: number;
    /** How many rotations add to a key's price; later ones are free. */
    pricedRotations: number;
  };
  s3: {
    /** A GB-month of S3 Standard storage. */
    standardGbMonth: number;
  };
  sns: {
    /** A million publish requests. */
    publishMillion: number;
    /** A hundred thousand e-mail deliveries. */
    emailHundredThousand: number;
  };
  cloudwatch: {
    /** A metric of a standard-resolution alarm, per month. */
    standardAlarmMetricMonth: number;
    /** A metric of a high-resolution alarm (period under 60 s), per month. */
    highResolutionAlarmMetricMonth: number;
    /** A GB of log data ingested. */
    logsIngestGb: number;
    /** A GB-month of log data stored. */
    logsStoreGbMonth: number;
  };
}

/** The price table shipped with the CLI. */
export const DEFAULT_PRICES_FILE = path.join(__dirname, "..", "..", "data", "prices-us-east-1.json");

/** The numeric fields every table must have, as `section.field`. */
const NUMBERS: readonly string[] = [
  "codepipeline.v1ActivePipelineMonth",
  "codepipeline.v2ActionMinute",
  "kms.keyMonth",
  "kms.rotatedKeyMaterialMonth",
  "kms.pricedRotations",
  "s3.standardGbMonth",
  "sns.publishMillion",
  "sns.emailHundredThousand",
  "cloudwatch.standardAlarmMetricMonth",
  "cloudwatch.highResolutionAlarmMetricMonth",
  "cloudwatch.logsIngestGb",
  "cloudwatch.logsStoreGbMonth",
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isPrice = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** Checks a parsed price table; the error names the file, the field, what it holds and what is allowed. */
export function checkPriceTable(value: unknown, file: string): PriceTable {
  const fail = (field: string, got: unknown, allowed: string): never => {
    throw new Error(`Price table ${file}: \`${field}\` must be ${allowed}, got ${JSON.stringify(got) ?? "nothing"}.`);
  };
  if (!isObject(value)) return fail("(root)", value, "an object like data/prices-us-east-1.json");
  for (const field of ["region", "currency", "description"]) {
    if (typeof value[field] !== "string" || value[field] === "") fail(field, value[field], "a non-empty string");
  }
  if (typeof value.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.date)) fail("date", value.date, "a day as YYYY-MM-DD");
  if (!isObject(value.sources) || Object.values(value.sources).some((u) => typeof u !== "string" || !u.startsWith("https://")))
    fail("sources", value.sources, "an object of https:// pages by service");
  for (const dotted of NUMBERS) {
    const [section, field] = dotted.split(".");
    const s = value[section];
    if (!isObject(s)) fail(section, s, "an object");
    if (!isPrice((s as Record<string, unknown>)[field])) fail(dotted, (s as Record<string, unknown>)[field], "a number of 0 or more");
  }
  const codebuild = value.codebuild;
  if (!isObject(codebuild) || !isObject(codebuild.minute))
    return fail("codebuild.minute", isObject(codebuild) ? codebuild.minute : undefined, "an object");
  for (const [key, price] of Object.entries(codebuild.minute)) {
    if (!/^[A-Z0-9_]+\/[A-Z0-9_]+$/.test(key)) fail(`codebuild.minute["${key}"]`, key, "keyed by `<environment type>/<compute type>`");
    if (!isPrice(price)) fail(`codebuild.minute["${key}"]`, price, "a number of 0 or more");
  }
  return value as unknown as PriceTable;
}

/** Reads and checks a price table (the shipped one when `file` is not given). */
export function loadPrices(file: string = DEFAULT_PRICES_FILE): PriceTable {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the price table ${file}: ${(e as Error).message}`, { cause: e });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`The price table ${file} is not JSON: ${(e as Error).message}`, { cause: e });
  }
  return checkPriceTable(parsed, file);
}
