/**
 * The UPLOAD_ARTIFACTS phase of a local build: the primary artifact and each secondary
 * artifact become one ZIP each in the output directory, honoring `files`,
 * `base-directory`, `discard-paths` and `exclude-paths`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BuildSpecArtifactFiles, BuildSpecArtifacts } from "../../codebuild/buildspec-types";
import { selectArtifactFiles } from "./glob";
import { writeZip } from "./zip";

/** Zip name of the primary artifact when the buildspec gives no `name`. */
export const DEFAULT_PRIMARY_ARTIFACT_NAME = "primary";

/** A written artifact. */
export interface WrittenArtifact {
  /** `primary` or the secondary artifact's identifier. */
  id: string;
  /** The ZIP's path. */
  file: string;
  /** Entry names, in order. */
  entries: string[];
}

/** Every regular file under `dir`, relative and `/`-separated (symbolic links to files included). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
      else if (entry.isSymbolicLink()) {
        const stat = fs.statSync(path.join(dir, rel), { throwIfNoEntry: false });
        if (stat?.isFile()) out.push(rel);
      }
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}

/** A name safe as a file name: the artifact identifier or `name` with path separators replaced. */
function zipFileName(name: string): string {
  return `${name.replace(/[/\\]/g, "_")}.zip`;
}

/** Writes one artifact; throws when its files match nothing. */
export function writeArtifact(id: string, spec: BuildSpecArtifactFiles, srcDir: string, outDir: string): WrittenArtifact {
  const baseDir = path.resolve(srcDir, spec["base-directory"] ?? ".");
  const rel = path.relative(srcDir, baseDir);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new Error(
      `Artifact ${id}: \`base-directory\` "${spec["base-directory"]}" is outside the source directory; use a path inside it.`,
    );
  }
  // The output directory may sit inside the sources (the default ./.aws-cicd/artifacts): never zip earlier artifacts.
  const outRel = path.relative(baseDir, outDir).split(path.sep).join("/");
  const inOut = (f: string): boolean =>
    !outRel.startsWith("..") && !path.isAbsolute(outRel) && (outRel === "" || f === outRel || f.startsWith(`${outRel}/`));
  const candidates = listFiles(baseDir).filter((f) => !inOut(f));
  const selected = selectArtifactFiles(candidates, spec.files, spec["exclude-paths"] ?? [], spec["discard-paths"] === "yes");
  if (selected.length === 0) {
    throw new Error(
      `Artifact ${id}: no file matches \`files\` (${spec.files.join(", ")}) under ${baseDir}; check the patterns and \`base-directory\`.`,
    );
  }
  const zip = writeZip(
    selected.map((f) => {
      const full = path.join(baseDir, f.path);
      const stat = fs.statSync(full);
      return { name: f.entryName, data: fs.readFileSync(full), modified: stat.mtime, mode: stat.mode & 0o777 };
    }),
  );
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, zipFileName(id === DEFAULT_PRIMARY_ARTIFACT_NAME ? (spec.name ?? id) : id));
  fs.writeFileSync(file, zip);
  return { id, file, entries: selected.map((f) => f.entryName) };
}

/** Writes the primary artifact (if it has `files`) and every secondary artifact. */
export function writeArtifacts(artifacts: BuildSpecArtifacts | undefined, srcDir: string, outDir: string): WrittenArtifact[] {
  if (!artifacts) return [];
  const out: WrittenArtifact[] = [];
  if (artifacts.files?.length) out.push(writeArtifact(DEFAULT_PRIMARY_ARTIFACT_NAME, artifacts, srcDir, outDir));
  for (const [id, secondary] of Object.entries(artifacts["secondary-artifacts"] ?? {})) {
    out.push(writeArtifact(id, secondary, srcDir, outDir));
  }
  return out;
}
