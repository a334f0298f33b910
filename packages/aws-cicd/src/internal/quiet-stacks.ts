// Stack traces the Pulumi SDK formats and never shows, turned off while a component creates its
// children (issue 12).
//
// For every promise it tracks (four for each property a resource can return, and more for each
// registration), @pulumi/pulumi 3.x runs `new Error().stack` in `debuggablePromise`
// (runtime/debuggable.js) and keeps the string on the promise as `_debugStackTrace`. The SDK reads
// it only to print leaked promises, and only when `PULUMI_DEBUG_PROMISE_LEAKS` is set. Formatting
// those stacks is most of a program's CPU time under ts-node, where `source-map-support` maps every
// frame, and the strings stay on the heap until the program ends. With V8's stack trace limit at 0,
// `new Error()` captures no frame and its `.stack` is one short line.
//
// What else runs inside the window, and what becomes of it:
// - the SDK's source position of each resource (`Resource.callsites`, sent to the engine) sets the
//   limit to Infinity itself, so it is unchanged;
// - errors made inside the window and thrown out of the constructor (an argument check of a nested
//   component, an SDK check) get a stack again where the window closes: the frames from the
//   component's constructor outwards, the caller's program included;
// - an `Error` the SDK makes for an engine call that may fail later (`preallocError` in
//   runtime/resource.js) has no frames; its message names the resource, its type and the reason;
// - a user's `transformations` on a parent (run while a child is constructed) make their errors with
//   no frames. `transforms` run later, outside the window.
// Setting `PULUMI_DEBUG_PROMISE_LEAKS`, which is when the SDK prints those stacks, keeps every stack.
// The window is synchronous: the limit is back before the constructor returns or throws, so no
// callback of an Output, no later turn of the event loop and nothing of the caller runs inside it.

/** An open window; `close` restores the limit that was set when it opened. */
export interface QuietStacks {
  /** Restores V8's stack trace limit. Calling it again does nothing. */
  close(): void;
  /**
   * Closes the window and gives `error`, when it is an `Error` made inside the window (its stack has
   * no frame, or it has no stack), the stack of the place `rethrow` is called from. Returns `error`
   * for `throw`.
   */
  rethrow(error: unknown): unknown;
}

/** The environment variable that keeps every stack trace (the SDK's own switch for printing them). */
export const KEEP_STACKS_ENV = "PULUMI_DEBUG_PROMISE_LEAKS";

const OPEN_NOTHING: QuietStacks = {
  close: () => undefined,
  rethrow: (error: unknown) => error,
};

/** A V8 stack line of a frame, as `Error.prototype.stack` and source-map-support write them. */
const FRAME = /\n\s+at /;

/**
 * Sets V8's stack trace limit to 0 until `close` (or `rethrow`) is called, unless
 * `PULUMI_DEBUG_PROMISE_LEAKS` is set. Use it as
 * `const stacks = quietStacks(); try { ... } catch (e) { throw stacks.rethrow(e); } finally { stacks.close(); }`
 * around the part of a constructor that creates resources.
 */
export function quietStacks(): QuietStacks {
  if (process.env[KEEP_STACKS_ENV]) return OPEN_NOTHING;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    Error.stackTraceLimit = limit;
  };
  const rethrow = (error: unknown): unknown => {
    close();
    if (error instanceof Error && !FRAME.test(String(error.stack))) {
      // Frames from the caller of `rethrow` (the component's constructor) outwards.
      Error.captureStackTrace(error, rethrow);
    }
    return error;
  };
  return { close, rethrow };
}
