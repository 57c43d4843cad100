// Worker thread that parses feed bodies, so a large feed never blocks the main process (poller, API).
import { parentPort } from 'node:worker_threads';
import { parseFeed, type ParseOptions } from './parse.js';

parentPort?.on('message', (msg: { id: number; input: { bytes: Uint8Array; opts: ParseOptions } }) => {
  parseFeed(msg.input.bytes, msg.input.opts).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
