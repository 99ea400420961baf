/** Builds the in-browser Redis engine (Redis 7.2.6 → WebAssembly): `npm run build:redis-wasm [-- --clean | --check]`. */
import { main } from '../src/packs/redis/engine/build';

main();
