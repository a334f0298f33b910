/**
 * Defaults merging of the services file, in this order (later wins):
 * 1. the preset's `defaults` (the version the service's team is on), when the program gives presets;
 * 2. the fleet's `defaults`;
 * 3. the service's team's `defaults`;
 * 4. the service itself (and, for an environment, the environment itself).
 *
 * Mappings merge key by key; lists and single values replace. Environments take the
 * `environments.<name>` defaults of their name, and targets the `targets.<kind>` defaults of
 * their kind, through the same levels. The team's e-mails always receive notifications.
 */
import {
  AccountSpec,
  ApprovalSpec,
  BuildSpecSettings,
  PipelineSettings,
  ServiceDefaults,
  ServicesFile,
  ServiceSpec,
  ServiceTargetKind,
  SourceSpec,
} from "./services-types";

/** One environment after merging. */
export interface ResolvedEnvironment {
  name: string;
  accountName: string;
  account: AccountSpec;
  region: string;
  approval?: ApprovalSpec;
  kind: ServiceTargetKind;
  /** The target kind's settings, merged. */
  target: Record<string, unknown>;
}

/** One service after merging: everything its pipeline needs. */
export interface ResolvedService {
  name: string;
  team: string;
  source: SourceSpec;
  build: BuildSpecSettings;
  pipeline: PipelineSettings;
  /** The team's e-mails, then the merged `notifications.emails`, without repeats. */
  notificationEmails: string[];
  environments: ResolvedEnvironment[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Merges mappings key by key (later wins); lists and values replace. */
export function mergeSettings<T>(...layers: (T | undefined)[]): T {
  let out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!isMap(layer)) continue;
    const next: Record<string, unknown> = { ...out };
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      next[key] = isMap(value) && isMap(out[key]) ? mergeSettings(out[key], value) : value;
    }
    out = next;
  }
  return out as T;
}

/** The service with its preset's (when given), the fleet's and its team's defaults applied. */
export function resolveService(file: ServicesFile, service: ServiceSpec, preset?: ServiceDefaults): ResolvedService {
  const levels: (ServiceDefaults | undefined)[] = [preset, file.defaults, file.teams[service.team].defaults];
  const own: ServiceDefaults = { build: service.build, pipeline: service.pipeline, notifications: service.notifications };
  const merged = mergeSettings<ServiceDefaults>(...levels, own);
  const emails = [...file.teams[service.team].emails, ...(merged.notifications?.emails ?? [])];
  return {
    name: service.name,
    team: service.team,
    source: service.source,
    build: merged.build ?? {},
    pipeline: merged.pipeline ?? {},
    notificationEmails: [...new Set(emails)],
    environments: service.environments.map((env): ResolvedEnvironment => {
      const e = mergeSettings(...levels.map((l) => l?.environments?.[env.name]), env) as typeof env;
      const kind = Object.keys(env.target ?? {})[0] as ServiceTargetKind;
      const target = mergeSettings<Record<string, unknown>>(
        ...levels.map((l) => l?.targets?.[kind] as Record<string, unknown> | undefined),
        env.target?.[kind] as Record<string, unknown> | undefined,
      );
      const account = file.accounts[e.account!];
      return {
        name: env.name,
        accountName: e.account!,
        account,
        region: e.region ?? account.region,
        ...(e.approval ? { approval: e.approval } : {}),
        kind,
        target,
      };
    }),
  };
}
