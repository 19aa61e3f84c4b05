/**
 * The one place a request from a transport enters the service: the method name and input
 * are validated against the contract, the output is validated before it leaves, and any
 * failure becomes a translatable error `Reply`. Both the Electron IPC and the web host use it.
 */
import { isMethodName, methods, type MethodName, type Reply, type Service } from '../../shared/contract.js';
import { AppError, toErrorPayload } from '../../shared/domain/errors.js';

type AnyMethod = (input: unknown) => Promise<unknown>;

export async function dispatch(service: Service, method: string, input: unknown): Promise<Reply> {
  try {
    if (!isMethodName(method)) throw new AppError('invalidRequest', { message: `unknown method ${method}` });
    const name: MethodName = method;
    const parsedInput = methods[name].input.safeParse(input ?? {});
    if (!parsedInput.success)
      throw new AppError('invalidRequest', {
        message: parsedInput.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    const handler = (service[name] as AnyMethod).bind(service);
    const output = await handler(parsedInput.data);
    const parsedOutput = methods[name].output.safeParse(output);
    if (!parsedOutput.success)
      throw new AppError('internal', { message: `invalid ${name} result: ${parsedOutput.error.message}` });
    return { ok: true, value: parsedOutput.data };
  } catch (err) {
    if (!(err instanceof AppError) && process.env.LAYERWISE_DEBUG) console.error(err);
    return { ok: false, error: toErrorPayload(err) };
  }
}
