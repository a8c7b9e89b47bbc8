// Package tandem holds the code-generation entry point: `go generate ./...` from the
// module root regenerates the ent client, graph/ent.graphql and the gqlgen executor.
package tandem

//go:generate go run ./ent/entc.go
//go:generate go run ./graph/gqlgen
//go:generate go run ./graph/sdl
