/**
 * The time estimate shown before a run: asked of the engine (`train.estimate`, which measures
 * its speed on this data) a moment after the configuration last changed, never while a run
 * holds the engine or the form is invalid. A failed estimate shows nothing rather than an error.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { useClient } from '../../api/index.js';
import { useTrainingStore } from '../../stores/training.js';

/** Wait after the last edit before measuring (an estimate takes about a second of the engine). */
const DEBOUNCE_MS = 700;

/** Rounds seconds as an estimate is said: 5 s steps under a minute, 10 s under ten minutes, then minutes. */
export function roundEstimate(seconds: number): number {
  if (seconds < 60) return Math.max(5, Math.ceil(seconds / 5) * 5);
  if (seconds < 600) return Math.round(seconds / 10) * 10;
  return Math.round(seconds / 60) * 60;
}

export function useEstimate(invalid: Ref<boolean>) {
  const training = useTrainingStore();
  const seconds = ref<number | null>(null);
  const pending = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticket = 0;

  async function measure(): Promise<void> {
    const config = training.config;
    if (!config) return;
    const mine = ++ticket;
    try {
      const reply = await useClient().api['train.estimate']({ config });
      if (mine === ticket) seconds.value = reply.seconds;
    } catch {
      if (mine === ticket) seconds.value = null;
    } finally {
      if (mine === ticket) pending.value = false;
    }
  }

  watch(
    () => [JSON.stringify(training.config), training.running, invalid.value] as const,
    () => {
      if (timer) clearTimeout(timer);
      ticket++;
      seconds.value = null;
      pending.value = !!training.config && !training.running && !invalid.value;
      if (pending.value) timer = setTimeout(() => void measure(), DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
    ticket++;
  });

  return { seconds, pending };
}
