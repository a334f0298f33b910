/**
 * A fake `pulumi` executable for the local buildspec runs: a shell script put first on `PATH` in
 * a temp directory. It appends its arguments to `$FAKE_PULUMI_LOG`, and:
 * - `preview`: fails (exit 255) when `FAKE_PULUMI_FAIL=preview`; otherwise writes a plan to the
 *   `--save-plan` file and prints `$FAKE_PULUMI_PREVIEW_JSON` (a recorded `--json` sample);
 * - `up`: fails like a plan violation when `FAKE_PULUMI_FAIL=up`; otherwise prints the plan it applies.
 * No Pulumi CLI runs in these tests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const SCRIPT = `#!/bin/sh
echo "pulumi $*" >> "$FAKE_PULUMI_LOG"
command="$1"
shift
plan=""
while [ $# -gt 0 ]; do
  case "$1" in
    --save-plan|--plan) plan="$2"; shift ;;
  esac
  shift
done
case "$command" in
  preview)
    if [ "$FAKE_PULUMI_FAIL" = "preview" ]; then echo "error: program failed: TypeError: x is undefined" >&2; exit 255; fi
    printf '{"resourcePlans":{"fake":{}}}\\n' > "$plan"
    cat "$FAKE_PULUMI_PREVIEW_JSON"
    ;;
  up)
    if [ "$FAKE_PULUMI_FAIL" = "up" ]; then echo "error: resource urn:pulumi:prod::shop::aws:iam/role:Role::deployer violates plan" >&2; exit 255; fi
    echo "applying plan $plan: $(cat "$plan")"
    ;;
  *) echo "fake pulumi: unexpected command $command" >&2; exit 2 ;;
esac
`;

/** A temp `bin` directory holding the fake `pulumi`, and the log file it appends to. */
export function fakePulumi(): { binDir: string; log: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-fake-pulumi-"));
  const binDir = path.join(dir, "bin");
  fs.mkdirSync(binDir);
  fs.writeFileSync(path.join(binDir, "pulumi"), SCRIPT, { mode: 0o755 });
  const log = path.join(dir, "calls.log");
  fs.writeFileSync(log, "");
  return { binDir, log };
}
