import { describe, expect, it } from 'vitest';
import { ipcChannel, isMethodName, methodNames, methods, parseOutput, ServerEvent } from './contract.js';
import { defaultTrainConfig, TrainConfig } from './domain/model.js';
import { AppError, toErrorPayload } from './domain/errors.js';
import { errorMessages, errorTerms, formatError } from './i18n/format.js';

describe('contract', () => {
  it('names every method area.verb on its own channel', () => {
    expect(methodNames.length).toBe(Object.keys(methods).length);
    const channels = new Set(methodNames.map(ipcChannel));
    expect(channels.size).toBe(methodNames.length);
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    expect(isMethodName('app.info')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
  });

  it('validates outputs and events', () => {
    expect(() => parseOutput('data.cancelImport', { cancelled: 'yes' })).toThrow();
    expect(parseOutput('data.cancelImport', { cancelled: true })).toEqual({ cancelled: true });
    expect(
      ServerEvent.safeParse({ type: 'import.progress', phase: 'count', bytesRead: 1, totalBytes: 2, rows: 0 }).success,
    ).toBe(true);
    expect(
      ServerEvent.safeParse({ type: 'import.progress', phase: 'later', bytesRead: 1, totalBytes: 2, rows: 0 }).success,
    ).toBe(false);
    expect(ServerEvent.safeParse({ type: 'train.epoch', runId: 'x' }).success).toBe(false);
    expect(ServerEvent.safeParse({ type: 'shell.exec', command: 'rm -rf /' }).success).toBe(false);
  });

  it('gives a valid default training configuration for any data size', () => {
    for (const [bits, rows] of [
      [2, 10],
      [64, 1797],
      [150, 8000],
      [5000, 1_000_000],
    ]) {
      const config = defaultTrainConfig(bits, rows);
      expect(TrainConfig.safeParse(config).success).toBe(true);
      expect(config.layers[0].units).toBeGreaterThanOrEqual(config.layers[1].units);
    }
  });
});

describe('error messages', () => {
  it('has every message in English and Japanese with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, en] of Object.entries(errorMessages.en)) {
      const ja = errorMessages.ja[code];
      expect(ja, `missing Japanese message for ${code}`).toBeTypeOf('string');
      expect(placeholders(ja), code).toEqual(placeholders(en));
    }
    expect(Object.keys(errorMessages.ja).sort()).toEqual(Object.keys(errorMessages.en).sort());
  });

  it('has every term (setting names, reasons) in both languages, with placeholders the messages give', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(errorTerms.ja).sort()).toEqual(Object.keys(errorTerms.en).sort());
    for (const [key, en] of Object.entries(errorTerms.en))
      expect(placeholders(errorTerms.ja[key]), key).toEqual(placeholders(en));
    const text = formatError(
      new AppError('train.badSetting', { setting: '@setting.units', layer: 2, min: 1, max: 1024, value: 5000 }),
      'en',
    );
    expect(text).toMatch(/^Units of layer 2 must be a whole number between 1 and 1024 \(it is 5000\)/);
    // A parameter that only looks like a term (a column named "@x") is left as it is.
    expect(formatError(new AppError('data.missingColumn', { column: '@x' }), 'en')).toContain('"@x"');
  });

  it('formats errors in one line without stack traces', () => {
    const text = formatError(new AppError('writeFailed', { path: '/x.csv', message: 'EACCES' }), 'en');
    expect(text).toContain('/x.csv');
    expect(text).not.toContain('\n');
    expect(formatError(new AppError('noModel'), 'ja')).toContain('モデル');
    // An unexpected error keeps its message for the log, under a reference; the user reads only the reference.
    const payload = toErrorPayload(new Error('boom'));
    expect(payload).toEqual({
      code: 'internal',
      params: { message: 'boom', ref: expect.stringMatching(/^[0-9A-Z]{7}$/) },
    });
    const shown = formatError(payload, 'en');
    expect(shown).not.toContain('boom');
    expect(shown).toContain(String(payload.params.ref));
    expect(formatError(new AppError('internal', { message: 'x' }), 'ja')).not.toContain('{ref}');
  });
});
