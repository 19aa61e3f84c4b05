/** Whether the help panel is open, shared by the buttons that open it (header, Train step) and the panel. */
import { ref } from 'vue';

export const helpOpen = ref(false);
/** The element that opened the panel, to give focus back when it closes. */
let opener: HTMLElement | null = null;

export function openHelp(from?: EventTarget | null): void {
  opener = from instanceof HTMLElement ? from : null;
  helpOpen.value = true;
}

export function closeHelp(): void {
  helpOpen.value = false;
  opener?.focus();
  opener = null;
}
