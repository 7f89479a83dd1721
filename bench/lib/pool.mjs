/** Runs `work(i)` for i = 0 … count-1, at most `concurrency` at a time; resolves to the results in order. */
export async function pool(count, concurrency, work) {
  const results = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return results;
}
