/**
 * The REFI import's checking thread (well-formed.ts): given the bytes of a `project.qde`,
 * answers whether fast-xml-parser finds them well-formed, while the job's thread builds the
 * model from the same file.
 */
import { parentPort } from 'node:worker_threads';
import { decodeXmlBytes, wellFormedness } from './xml';

parentPort!.once('message', (bytes: Uint8Array) => {
  parentPort!.postMessage(wellFormedness(decodeXmlBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))));
});
