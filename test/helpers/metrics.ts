// Reading /metrics of a running server in a test. A figure is counted after the messenger's API has
// answered (a reminder once its outbox row is marked sent, a reply once its send returned), a moment after
// a fake API saw the message: a test that reads the page at once races the process it watches.

/** The page once every pattern is on it, or as it is after `timeoutMs` (the test's own expect then fails). */
export async function metricsOnceMatching(
  origin: string,
  patterns: RegExp[],
  timeoutMs = 10_000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const page = await (await fetch(`${origin}/metrics`)).text();
    if (patterns.every((p) => p.test(page)) || Date.now() > until) return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
