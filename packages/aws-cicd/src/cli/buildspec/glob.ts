/**
 * Glob patterns as buildspec `files` and `exclude-paths` use them, matched against
 * `/`-separated paths relative to the artifact's base directory:
 * `*` any characters in one path segment, `?` one character, `**` any number of whole
 * segments (including none), `[abc]` a character class. Pure functions.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|\\]/g, "\\$&");
}

/** A regular expression matching exactly the paths `pattern` matches. */
export function globToRegExp(pattern: string): RegExp {
  const clean = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  const segments = clean.split("/");
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") {
      // Any number of segments: followed by "/" unless it ends the pattern.
      source += last ? ".*" : "(?:[^/]+/)*";
      return;
    }
    let part = "";
    for (let j = 0; j < segment.length; j++) {
      const c = segment[j];
      if (c === "*") part += "[^/]*";
      else if (c === "?") part += "[^/]";
      else if (c === "[") {
        const end = segment.indexOf("]", j + 1);
        if (end === -1) part += "\\[";
        else {
          part += `[${segment
            .slice(j + 1, end)
            .replace(/^!/, "^")
            .replace(/\\/g, "\\\\")}]`;
          j = end;
        }
      } else part += escapeRegExp(c);
    }
    source += part + (last ? "" : "/");
  });
  return new RegExp(`^${source}$`);
}

/** Whether `relativePath` (with `/` separators) matches `pattern`. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  return globToRegExp(pattern).test(relativePath);
}

/** One file chosen for an artifact: where it is and the name it gets in the zip. */
export interface SelectedFile {
  /** Path relative to the base directory, `/`-separated. */
  path: string;
  /** Entry name in the artifact (the file name alone with `discard-paths: yes`). */
  entryName: string;
}

/**
 * The files of an artifact among `candidates` (every file under the base directory,
 * relative and `/`-separated): those matching any of `files`, minus those matching any of
 * `excludePaths`, in sorted order, named by their path or, with `discardPaths`, their
 * file name. Throws when two files would get the same name after discarding paths.
 */
export function selectArtifactFiles(
  candidates: readonly string[],
  files: readonly string[],
  excludePaths: readonly string[] = [],
  discardPaths = false,
): SelectedFile[] {
  const include = files.map(globToRegExp);
  const exclude = excludePaths.map(globToRegExp);
  const chosen = [...new Set(candidates)].filter((p) => include.some((r) => r.test(p)) && !exclude.some((r) => r.test(p))).sort();
  const seen = new Map<string, string>();
  return chosen.map((p) => {
    const entryName = discardPaths ? p.slice(p.lastIndexOf("/") + 1) : p;
    const earlier = seen.get(entryName);
    if (earlier !== undefined) {
      throw new Error(
        `\`discard-paths: yes\` gives ${earlier} and ${p} the same name "${entryName}" in the artifact; narrow \`files\` or keep the paths.`,
      );
    }
    seen.set(entryName, p);
    return { path: p, entryName };
  });
}
