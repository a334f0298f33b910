/**
 * The fleet inventory of a synthesized program (`aws-cicd synth --inventory`): every pipeline a
 * `ServiceFleet` stamped, read back from the tags it puts on each pipeline (`aws-cicd:service`,
 * `aws-cicd:team`, `aws-cicd:preset`, `aws-cicd:preset-version`, `aws-cicd:library-version`),
 * with its environments (its `Deploy-<environment>` stages). A service whose preset version is
 * older than the newest version of the same preset in the program is flagged `outdated`.
 */
import type { EngineResource } from "../engine";

const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
/** Stage names of a fleet pipeline's environments. */
const DEPLOY_STAGE = /^Deploy-(.+)$/;

/** One service of the inventory. */
export interface InventoryEntry {
  service: string;
  team: string;
  preset: string;
  presetVersion: string;
  /** The aws-cicd version that stamped the pipeline. */
  libraryVersion: string;
  pipelineName: string;
  /** In delivery order. */
  environments: string[];
  /** True when a newer version of the same preset is in the program. */
  outdated: boolean;
}

/** The inventory section (also the whole output of `--inventory --json`). */
export interface InventoryReport {
  services: InventoryEntry[];
  /** The newest version of each preset in the program. */
  latestPresetVersions: Record<string, string>;
}

/** Compares semantic versions (`1.10.0` > `1.9.3`; a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split(/[-+]/, 2);
    return { nums: core.split(".").map((n) => Number(n) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The inventory of the fleet pipelines among `resources` (sorted by team, then service). */
export function inventoryOf(resources: EngineResource[]): InventoryReport {
  const entries = resources
    .filter((r) => r.type === PIPELINE && r.inputs.tags?.["aws-cicd:service"])
    .map((p): Omit<InventoryEntry, "outdated"> => {
      const tags = p.inputs.tags as Record<string, string>;
      const stages = ((p.inputs.stages ?? []) as { name: string }[])
        .map((s) => DEPLOY_STAGE.exec(s.name)?.[1])
        .filter((e): e is string => !!e);
      return {
        service: tags["aws-cicd:service"],
        team: tags["aws-cicd:team"] ?? "",
        preset: tags["aws-cicd:preset"] ?? "",
        presetVersion: tags["aws-cicd:preset-version"] ?? "",
        libraryVersion: tags["aws-cicd:library-version"] ?? "",
        pipelineName: String(p.state.name ?? p.inputs.name ?? p.name),
        environments: stages,
      };
    });
  const latest: Record<string, string> = {};
  for (const e of entries)
    if (!latest[e.preset] || compareVersions(e.presetVersion, latest[e.preset]) > 0) latest[e.preset] = e.presetVersion;
  return {
    services: entries
      .map((e) => ({ ...e, outdated: compareVersions(e.presetVersion, latest[e.preset]) < 0 }))
      .sort((a, b) => a.team.localeCompare(b.team) || a.service.localeCompare(b.service)),
    latestPresetVersions: latest,
  };
}

/** The inventory as terminal text: one line per service, outdated ones marked. */
export function renderInventory(inv: InventoryReport): string {
  if (inv.services.length === 0) return "Inventory: no ServiceFleet pipeline in this program.\n";
  const rows = [
    ["SERVICE", "TEAM", "PRESET", "VERSION", "LIBRARY", "ENVIRONMENTS", ""],
    ...inv.services.map((e) => [
      e.service,
      e.team,
      e.preset,
      e.presetVersion,
      e.libraryVersion,
      e.environments.join(" → "),
      e.outdated ? `OUTDATED (latest ${inv.latestPresetVersions[e.preset]})` : "",
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const outdated = inv.services.filter((e) => e.outdated).length;
  return [
    ...rows.map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    ),
    "",
    `${inv.services.length} services; ${outdated} on an older preset version.`,
    "",
  ].join("\n");
}
