// PostGraphile 5 over Tandem's PostgreSQL tables, for `make bench` only: the amber
// preset, no authorisation (the bench adds the rep's WHERE itself), production mode
// (no GraphiQL, no explain, no schema watch). DATABASE_URL, PG_SCHEMAS, HOST and PORT
// come from the bench.
import "./node20.mjs";
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString,
      schemas: (process.env.PG_SCHEMAS || "public").split(","),
    }),
  ],
  // Sorting and conditions on every column, as Tandem offers them, not only on
  // indexed ones (Tandem's customers.name has no index either).
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  grafserv: { watch: false, graphiql: false, graphiqlOnServer: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(process.env.PORT || 5678), process.env.HOST || "127.0.0.1", () => {
  console.log("postgraphile listening");
});

const stop = () => {
  server.close();
  pgl.release().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
