import { useLiveQuery as useDexieLiveQuery } from 'dexie-react-hooks';

/**
 * Runs a repository read and runs it again whenever what it read changes in storage (in this
 * window or another); undefined until the first read resolves. The one door from screens to
 * Dexie's live queries, so only the storage layer imports Dexie.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  return useDexieLiveQuery(query, [...deps]);
}
