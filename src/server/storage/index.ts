/** Storage of /etc/network/interfaces and its staged copy: paths, reading, atomic writes, locking. */
export { networkFiles, type NetworkFiles } from './paths';
export { decode, encode, sha256Hex, type TextEncodingName } from './text';
export { readNetwork, type FileText, type NetworkRead } from './read';
export { atomicWrite, removeFile, type AtomicWriteOptions } from './atomic-write';
export { withLock, type LockHolder, type LockOptions } from './lock';
