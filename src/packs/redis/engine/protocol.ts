/**
 * The messages between a page and the engine's Web Worker (worker.ts). Page side: worker-host.ts.
 *
 * Loading: nothing is fetched until the page creates the worker and posts `init` with the URL of
 * redis-engine.wasm (the site passes its hashed asset URL). Commands posted before `ready` wait.
 *
 * Clients: `client` is any name the page picks ("terminal-1", "subscriber"); the worker opens an
 * in-process connection the first time it sees the name. Each connection has its own state (SELECT,
 * MULTI, AUTH, HELLO 3, SUBSCRIBE…). Commands of one client run in order; a blocking command (BLPOP…)
 * holds back that client's later commands until it is served, times out or is cancelled.
 *
 * Stop. The worker has one thread: while Redis runs a command, it cannot read another message. A Lua
 * script that never ends (`EVAL "while true do end" 0`) is killed by the engine itself after
 * busy-reply-threshold (5 s by default), as SCRIPT KILL would do, and the EVAL gets Redis's
 * "Script killed by user with SCRIPT KILL..." error; a script that already wrote cannot be killed
 * (Redis would need SHUTDOWN NOSAVE), so after one more second the engine stops, the worker starts a
 * fresh one and posts `crashed`. The page can always stop sooner: terminate the worker and create a new
 * one (worker-host.ts `stop()`). Either way ALL DATA IS RESET, and the page must say so (e.g. "Redis was
 * restarted: the data is gone").
 *
 * Reset: `reset` starts a fresh server (no keys, default configuration, no clients, no scripts); the page
 * should say so too.
 */

export type CommandArgument = string | Uint8Array;

/** Page → worker. */
export type WorkerRequest =
  /** First message: where to fetch redis-engine.wasm. */
  | { type: 'init'; wasmUrl: string }
  /** Run one command on the named client. */
  | { type: 'command'; id: number; client: string; args: CommandArgument[] }
  /** End the named client's blocking command as if its timeout had expired (BLPOP … 0 → nil). */
  | { type: 'cancel'; client: string }
  /** Close the named client's connection (its subscriptions and blocking command end). */
  | { type: 'close'; client: string }
  /** Start a fresh server: every key, setting and client is gone. */
  | { type: 'reset'; id: number };

export type WorkerErrorKind =
  /** The connection was closed (QUIT, CLIENT KILL, `close`); the next command opens a new one. */
  | 'closed'
  /** A reset happened before the command got its reply. */
  | 'reset'
  /** The engine stopped (out of memory, unkillable script); the worker started a fresh one. */
  | 'crashed'
  /** The worker could not start the engine. */
  | 'unavailable'
  /** The page stopped the worker (worker-host.ts only). */
  | 'stopped'
  /** The message itself was wrong (e.g. no arguments). */
  | 'bad-request';

/** Worker → page. */
export type WorkerResponse =
  | { type: 'ready'; version: string }
  /** The raw RESP bytes of the reply (a Redis error reply is a reply too: `-ERR …`). */
  | { type: 'reply'; id: number; reply: Uint8Array }
  /** No reply: the command was not run, or its connection or engine went away first. */
  | { type: 'error'; id: number; kind: WorkerErrorKind; message: string }
  /** One push for the named client (a pub/sub message, a client-side-caching invalidation…), raw RESP. */
  | { type: 'push'; client: string; push: Uint8Array }
  /** The server closed the named client (QUIT, CLIENT KILL, an output limit). */
  | { type: 'closed'; client: string }
  | { type: 'reset-done'; id: number; version: string }
  /** The engine stopped and was replaced by a fresh one: all data is gone. */
  | { type: 'crashed'; message: string }
  /** The engine could not be loaded (bad URL, no WebAssembly): nothing will work. */
  | { type: 'fatal'; message: string };
