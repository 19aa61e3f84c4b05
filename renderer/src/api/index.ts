/** The one client of this window, chosen at start-up; stores reach it through `useClient()`. */
import type { Client } from './client.js';

let current: Client | null = null;

export function setClient(client: Client): void {
  current = client;
}

export function useClient(): Client {
  if (!current) throw new Error('API client not initialised');
  return current;
}
