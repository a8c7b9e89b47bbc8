package graph

import _ "embed"

// SDL is the whole schema in one file (graph/schema.graphql, made by graph/sdl).
//
//go:embed schema.graphql
var SDL []byte
