// PostGraphile 5 asks for Node 22; on Node 20 the one thing it uses that is missing is
// Promise.withResolvers (Node ≥ 22). Imported before postgraphile, so its modules see it.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
