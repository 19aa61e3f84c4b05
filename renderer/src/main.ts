/** Renderer entry: picks the transport (Electron bridge or web host), wires server events to the stores, finds the project again, mounts the app. */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { setClient } from './api/index.js';
import { createClient } from './api/client.js';
import { bridge, electronTransport } from './api/electron-transport.js';
import { webTransport } from './api/web-transport.js';
import { i18n } from './i18n/index.js';
import { useAppStore } from './stores/app.js';
import { useProjectStore } from './stores/project.js';
import { wireEvents } from './events.js';
import './styles.css';

const b = bridge();
const client = createClient(b ? electronTransport(b) : webTransport());
setClient(client);

const app = createApp(App);
app.use(createPinia());
app.use(i18n);

wireEvents(client);

// The project the service holds (after a reload, the same one with its running job), or the offer to restore one.
void useAppStore()
  .init()
  .then(() => useProjectStore().start());
app.mount('#app');
