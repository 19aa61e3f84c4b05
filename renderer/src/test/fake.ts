/**
 * A fake Node side for component tests: a Transport whose replies come from per-method
 * handlers (so they still go through the real client's validation), which records every
 * call and can push server events; and a mount helper with Pinia, vue-i18n and that client.
 */
import { enableAutoUnmount, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { afterEach } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import type { MethodName, Reply } from '../../../shared/contract.js';
import { AppError } from '../../../shared/domain/errors.js';
import { setClient } from '../api/index.js';
import { createClient, type Client } from '../api/client.js';
import type { Transport } from '../api/transport.js';
import { i18n, setLocale } from '../i18n/index.js';

// Each test's component is unmounted after it, so nothing of one test (its watchers, its stores' work) reaches the next.
enableAutoUnmount(afterEach);

export type Handler = (input: Record<string, unknown>) => unknown;

export interface FakeBackend {
  transport: Transport;
  client: Client;
  calls: { method: MethodName; input: Record<string, unknown> }[];
  handlers: Partial<Record<MethodName, Handler>>;
  emit(event: unknown): void;
  inputsOf(method: MethodName): Record<string, unknown>[];
}

export function fakeBackend(handlers: Partial<Record<MethodName, Handler>> = {}): FakeBackend {
  const listeners = new Set<(e: unknown) => void>();
  const calls: FakeBackend['calls'] = [];
  const backend: Partial<FakeBackend> = { calls, handlers };
  const transport: Transport = {
    kind: 'web',
    async call(method, input): Promise<Reply> {
      const args = (input ?? {}) as Record<string, unknown>;
      calls.push({ method, input: args });
      const handler = backend.handlers?.[method];
      if (!handler) return { ok: false, error: { code: 'unsupported', params: { what: method } } };
      try {
        return { ok: true, value: await handler(args) };
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toPayload() };
        throw err;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pickCsv: async () => ({ fileId: 'f1', name: 'orders.csv', bytes: 1234 }),
    pickProject: async () => ({ fileId: 'p1', name: 'orders.lwproj', bytes: 4321 }),
    download: () => undefined,
  };
  backend.transport = transport;
  backend.client = createClient(transport);
  backend.emit = (event) => listeners.forEach((l) => l(event));
  backend.inputsOf = (method) => calls.filter((c) => c.method === method).map((c) => c.input);
  setClient(backend.client);
  return backend as FakeBackend;
}

/** Mounts a component with a fresh Pinia and the shared i18n instance, in English unless told otherwise. */
export function mountWith<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>,
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  setLocale('en', false);
  return mount(component, {
    ...options,
    global: { plugins: [pinia, i18n], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>);
}

/** Lets pending promises (fake replies, store actions) settle and Vue re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}
