# Tandem's two everyday commands are `make run` and `make test` (see README.md).
GO ?= go

.PHONY: run test generate lint generated gotest schema

## run: Tandem on the embedded database, with demo data, at http://localhost:8080
run:
	$(GO) run ./server --demo

## test: formatting, vet, generated code up to date, then every Go test (SQLite, and
## PostgreSQL when TANDEM_TEST_DATABASE_URL is set).
test: lint generated schema gotest

generate:
	$(GO) generate ./...

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
