// Worker thread that runs the analyser, so analysing a large item never blocks the main process (poller, API).
import { parentPort } from 'node:worker_threads';
import { analyseText } from './analysis/analyse.js';
import type { AnalysisInput } from './analysis/types.js';

parentPort?.on('message', (msg: { id: number; input: AnalysisInput }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: analyseText(msg.input) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
