/**
 * Generates resources/sample-orders.csv, the embedded sample: 8,000 retail orders with mixed
 * numeric, categorical, date, boolean and missing values and real dependencies between
 * columns (region -> store type, category -> price and quantity, online -> delivery days and
 * no cash, members -> discounts, apparel bought online -> returns). Seeded: the file is the
 * same on every run. Run: node --import tsx resources/generate-sample.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from '../electron/base/random.js';

export const SAMPLE_ROWS = 8000;
export const SAMPLE_SEED = 20240105;

function pick<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rng.next() * total;
  for (const [v, w] of items) {
    u -= w;
    if (u < 0) return v;
  }
  return items[items.length - 1][0];
}

const REGIONS = [
  ['Kanto', 35],
  ['Kansai', 25],
  ['Chubu', 15],
  ['Kyushu', 10],
  ['Tohoku', 8],
  ['Hokkaido', 7],
] as const;
const CATEGORIES = [
  ['Grocery', 40],
  ['Household', 20],
  ['Apparel', 15],
  ['Electronics', 10],
  ['Beauty', 15],
] as const;
const PRICE: Record<string, [number, number]> = {
  Grocery: [4.5, 0.5],
  Household: [6.5, 0.6],
  Apparel: [8, 0.5],
  Electronics: [10, 0.7],
  Beauty: [7.5, 0.5],
};

export function generateSample(rows = SAMPLE_ROWS, seed = SAMPLE_SEED): string {
  const rng = createRng(seed);
  const lines = [
    'order_id,order_date,region,store_type,category,quantity,unit_price,discount,revenue,payment,member,customer_age,delivery_days,returned',
  ];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const region = pick(rng, REGIONS);
    const urban = region === 'Kanto' || region === 'Kansai';
    const store = pick(rng, [
      ['Flagship', urban ? 20 : 5],
      ['Mall', 30],
      ['Street', urban ? 20 : 35],
      ['Online', 30],
    ] as const);
    const online = store === 'Online';
    const category = pick(
      rng,
      online
        ? ([
            ['Grocery', 15],
            ['Household', 20],
            ['Apparel', 25],
            ['Electronics', 25],
            ['Beauty', 15],
          ] as const)
        : CATEGORIES,
    );
    let day = Math.floor(rng.next() * 547);
    if (rng.next() < 0.15) day = 334 + Math.floor(rng.next() * 31); // December rush
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const maxQty = category === 'Grocery' ? 12 : category === 'Electronics' ? 2 : 5;
    const quantity = 1 + Math.floor(rng.next() ** 1.6 * maxQty);
    const [mu, sigma] = PRICE[category];
    const unitPrice = Math.max(0.5, Math.round(Math.exp(mu + sigma * rng.normal())) / 100);
    const member = rng.next() < (online ? 0.6 : 0.4);
    const discount = pick(
      rng,
      member
        ? ([
            [0, 30],
            [5, 25],
            [10, 25],
            [15, 12],
            [20, 8],
          ] as const)
        : ([
            [0, 70],
            [5, 15],
            [10, 10],
            [15, 3],
            [20, 2],
          ] as const),
    );
    const revenue = Math.round(quantity * unitPrice * (1 - discount / 100) * 100) / 100;
    const payment = pick(
      rng,
      online
        ? ([
            ['Card', 60],
            ['QR', 25],
            ['Invoice', 15],
          ] as const)
        : ([
            ['Card', 45],
            ['Cash', 35],
            ['QR', 20],
          ] as const),
    );
    const ageBase = category === 'Electronics' ? 34 : category === 'Beauty' ? 38 : 45;
    const age = rng.next() < 0.05 ? '' : String(Math.min(85, Math.max(18, Math.round(ageBase + 13 * rng.normal()))));
    const delivery = online
      ? 1 + Math.floor(rng.next() ** 1.5 * (region === 'Hokkaido' || region === 'Kyushu' ? 7 : 4))
      : 0;
    const returned = rng.next() < (online && category === 'Apparel' ? 0.22 : online ? 0.06 : 0.02);
    lines.push(
      [
        `ORD-${String(i + 1).padStart(6, '0')}`,
        date,
        region,
        store,
        category,
        quantity,
        unitPrice.toFixed(2),
        `${discount}%`,
        revenue.toFixed(2),
        payment,
        member ? 'yes' : 'no',
        age,
        delivery,
        returned ? 'yes' : 'no',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('./sample-orders.csv', import.meta.url));
  writeFileSync(out, generateSample());
  process.stdout.write(`wrote ${out}\n`);
}
