# Tandem's two everyday commands are `make run` and `make test` (see README.md).
GO ?= go

.PHONY: run build test generate lint generated gotest schema frontend load-cluster migration migration-hash bench

## run: Tandem on the embedded database, with demo data, at http://localhost:8080
run:
	$(GO) run ./server --demo

## build: ./tandem, a static binary without the build machine's paths (-trimpath)
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags="-s -w -X tandem/server/app.Commit=$$(git rev-parse HEAD 2>/dev/null)" -o tandem ./server

## test: formatting, vet, generated code up to date, then every Go test (SQLite, and
## PostgreSQL when TANDEM_TEST_DATABASE_URL is set), then the phone app's checks.
test: lint generated schema gotest frontend

generate:
	$(GO) generate ./...

## migration: write the next schema migration of both dialects from ent/schema's changes,
## e.g. `make migration name=add_order_note` (needs a PostgreSQL server whose role may
## create databases: TANDEM_DEV_DATABASE_URL, else TANDEM_TEST_DATABASE_URL). See docs/operations.md.
migration:
	@if [ -z "$(name)" ]; then echo "usage: make migration name=add_something"; exit 1; fi
	$(GO) run ./ent/migrate/gen/main.go -name $(name)

## migration-hash: rewrite atlas.sum after editing a migration that was never applied
migration-hash:
	$(GO) run ./ent/migrate/gen/main.go -hash

lint:
	@bad=$$(gofmt -l $$(find . -name '*.go' -not -path './frontend/node_modules/*')); \
	if [ -n "$$bad" ]; then echo "gofmt would change these files:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...

generated:
	bash .ci/check-generated

## schema: no breaking change to graph/schema.graphql since its previous committed version
schema:
	GO=$(GO) bash .ci/check-schema

gotest:
	@if [ -z "$$TANDEM_TEST_DATABASE_URL" ]; then \
		echo "################################################################"; \
		echo "# TANDEM_TEST_DATABASE_URL is not set: the PostgreSQL half of the"; \
		echo "# suite is SKIPPED. Only SQLite is tested. (.ci/run sets it.)"; \
		echo "################################################################"; \
	fi
	$(GO) test -count=1 -timeout 30m ./...

## frontend: the phone app: npm ci, typecheck against graph/schema.graphql, Vitest, build
## (frontend/dist must be what is committed), initial JS size, browser journeys in Chromium
## against the real server, Lighthouse. See .ci/frontend (installs Chromium when missing).
frontend:
	GO=$(GO) bash .ci/frontend

## load-cluster: requests per second of one server process and of two behind a balancer,
## measured in one run on PostgreSQL (TANDEM_TEST_DATABASE_URL; server/cluster/load_test.go).
load-cluster:
	TANDEM_CLUSTER_LOAD=1 $(GO) test -count=1 -timeout 30m -v -run TestLoadTwoProcessesVersusOne ./server/cluster/

## bench: Tandem vs PostGraphile 5 vs a one-statement SQL floor on a generated book of
## ACCOUNTS accounts (PostgreSQL at TANDEM_BENCH_DATABASE_URL; needs node and npm), then
## Tandem on SQLite. Not part of `make test`. See docs/performance.md.
ACCOUNTS ?= 10000
BENCH_FLAGS ?=
bench:
	$(GO) run ./server/bench -accounts $(ACCOUNTS) $(BENCH_FLAGS)
