// Written by build.ts: the parts of the Emscripten module that engine.ts uses.
export interface RedisModule {
  HEAPU8: Uint8Array;
  UTF8ToString(ptr: number): string;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _rw_init(): number;
  _rw_version(): number;
  _rw_client_new(): number;
  _rw_client_feed(handle: number, ptr: number, len: number): number;
  _rw_client_state(handle: number): number;
  _rw_client_unblock(handle: number): number;
  _rw_client_close(handle: number): void;
  _rw_step(): number;
}

export interface RedisModuleOptions {
  print?: (line: string) => void;
  printErr?: (line: string) => void;
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => object | false;
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  rwOut?: (handle: number, bytes: Uint8Array) => void;
  rwClosed?: (handle: number) => void;
  rwFatal?: (message: string) => void;
  [key: string]: unknown;
}

declare function createRedisModule(options?: RedisModuleOptions): Promise<RedisModule>;
export default createRedisModule;
