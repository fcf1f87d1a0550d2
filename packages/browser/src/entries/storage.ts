// Entry of dist/npskit-storage.js (an ES module chunk the loader imports only where IndexedDB is
// missing or fails): the localStorage backend of the storage chain.
export { localStorageBackend } from "@npskit/core/runtime";
