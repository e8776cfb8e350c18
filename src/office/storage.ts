/**
 * The pane's memory across openings, kept with @microsoft/office-js-helpers' Storage (localStorage, or memory where
 * the host allows no storage). That library is archived upstream, so this is the only module that imports it.
 */
import { Storage, StorageType } from "@microsoft/office-js-helpers";

let store: Storage<string> | null = null;

function open(): Storage<string> {
  if (store) return store;
  try {
    store = new Storage<string>("kc-for-excel", StorageType.LocalStorage);
  } catch {
    store = new Storage<string>("kc-for-excel", StorageType.InMemoryStorage);
  }
  return store;
}

/** The saved value for `key` if `accept` recognises it, else `fallback`. */
export function recall<T>(key: string, fallback: T, accept: (value: unknown) => T | null): T {
  try {
    const raw = open().get(key);
    return raw === undefined || raw === null ? fallback : (accept(JSON.parse(raw)) ?? fallback);
  } catch {
    return fallback;
  }
}

export function remember(key: string, value: unknown): void {
  try {
    open().set(key, JSON.stringify(value));
  } catch {
    // A pane that cannot save its state still works; it just starts fresh next time.
  }
}
