// GraphiQL keeps tabs, history and settings in localStorage; the explorer gives each
// user a namespace of their own, so a colleague signing in on the same computer does
// not see the previous user's queries.
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  readonly length: number;
}

export function userStorage(userID: string, base: Storage): KeyValueStorage {
  const prefix = `tandem.explorer.${userID}.`;
  const own = () => {
    const keys: string[] = [];
    for (let i = 0; i < base.length; i++) {
      const k = base.key(i);
      if (k !== null && k.startsWith(prefix)) keys.push(k);
    }
    return keys;
  };
  return {
    getItem: (key) => base.getItem(prefix + key),
    setItem: (key, value) => base.setItem(prefix + key, value),
    removeItem: (key) => base.removeItem(prefix + key),
    clear: () => own().forEach((k) => base.removeItem(k)),
    get length() {
      return own().length;
    },
  };
}
