// `npm run bench [-- NAME…]`: runs the benchmarks and prints their figures (never asserts timings).
const BENCHES: Record<string, () => Promise<void>> = {
  ask: async () => (await import('./ask.ts')).benchAsk(),
  'telegram-webhook': async () => (await import('./telegram-webhook.ts')).benchTelegramWebhook(),
  broadcast: async () => (await import('./broadcast.ts')).benchBroadcast(),
  intent: async () => (await import('./intent.ts')).benchIntent(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (have: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const t0 = performance.now();
  await BENCHES[name]!();
  console.log(`-- ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
process.exit(0);
