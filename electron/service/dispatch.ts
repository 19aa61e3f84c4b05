/**
 * The one place a request from a transport enters the service: the method name and input
 * are validated against the contract, the output is validated before it leaves, and any
 * failure becomes a translatable error `Reply`. Both the Electron IPC and the web host use it.
 * A setting outside its limits (training configuration, split) is answered in the user's
 * words, naming the setting and its limits; other invalid inputs only come from a broken client.
 */
import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type Reply, type Service } from '../../shared/contract.js';
import { AppError, errorReference, toErrorPayload } from '../../shared/domain/errors.js';
import { splitError, trainConfigError, type SplitFractions } from '../../shared/domain/limits.js';

type AnyMethod = (input: unknown) => Promise<unknown>;

export async function dispatch(service: Service, method: string, input: unknown): Promise<Reply> {
  try {
    if (!isMethodName(method)) throw new AppError('invalidRequest', { message: `unknown method ${method}` });
    const name: MethodName = method;
    const parsedInput = methods[name].input.safeParse(input ?? {});
    if (!parsedInput.success) throw inputError(name, parsedInput.error.issues, input);
    const handler = (service[name] as AnyMethod).bind(service);
    const output = await handler(parsedInput.data);
    const parsedOutput = methods[name].output.safeParse(output);
    if (!parsedOutput.success)
      throw new AppError('internal', { message: `invalid ${name} result: ${parsedOutput.error.message}` });
    return { ok: true, value: parsedOutput.data };
  } catch (err) {
    const error = toErrorPayload(err);
    if (error.code !== 'internal') return { ok: false, error };
    // Internal details go to the log, under the reference the user is shown; never to the user.
    const ref = String(error.params.ref ?? errorReference());
    console.error(`[layerwise] internal error ${ref} in ${method}:`, err instanceof Error ? (err.stack ?? err) : err);
    return { ok: false, error: { code: 'internal', params: { ref } } };
  }
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function isSplit(value: unknown): value is SplitFractions {
  return ['train', 'valid', 'test'].every((k) => typeof field(value, k) === 'number');
}

/** The error an invalid input gets: a setting's own message when a limit was crossed, else `invalidRequest`. */
function inputError(method: MethodName, issues: readonly z.core.$ZodIssue[], input: unknown): AppError {
  for (const issue of issues) {
    const [head, ...rest] = issue.path;
    if (method === 'train.start' && head === 'config') {
      const error = trainConfigError(rest, field(input, 'config'));
      if (error) return error;
    }
    const staged = stagedSettingError(method, issue.path, input);
    if (staged) return staged;
    if (method === 'subset.apply' && head === 'spec' && rest[0] === 'split') {
      const split = field(field(input, 'spec'), 'split');
      const error = isSplit(split) ? splitError(split) : null;
      if (error) return error;
    }
  }
  return new AppError('invalidRequest', {
    message: issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
  });
}

/** A setting of a layer-by-layer stage outside its limits (its layer, its stack's settings, its top prior), in words. */
function stagedSettingError(method: MethodName, path: readonly PropertyKey[], input: unknown): AppError | null {
  if (!method.startsWith('train.') || method === 'train.start') return null;
  const [head, ...rest] = path;
  if (head === 'layer') {
    // The layer's number, where the request tells it (one more layer on a stack is checked in the form).
    const index = field(input, 'index');
    const n = typeof index === 'number' ? index + 1 : method === 'train.suggest' || field(input, 'start') ? 1 : null;
    return n === null
      ? null
      : trainConfigError(['layers', n - 1, ...rest], { layers: layersAt(n, field(input, 'layer')) });
  }
  if (head === 'start' || head === 'settings' || head === 'top') return trainConfigError(rest, field(input, head));
  if (method === 'train.fineTune' && head === 'epochs')
    return trainConfigError(['fineTuneEpochs'], { fineTuneEpochs: field(input, 'epochs') });
  return null;
}

/** A list with `layer` at place n (1-based), for a configuration's path. */
function layersAt(n: number, layer: unknown): unknown[] {
  const layers: unknown[] = new Array(n).fill(null);
  layers[n - 1] = layer;
  return layers;
}
