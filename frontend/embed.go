// Package frontend embeds the built single-page app (frontend/dist) into the binary.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist is the built app, rooted at dist/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err)
	}
	return sub
}

//go:embed src/i18n/enums.json
var enumLabels []byte

// EnumLabels is the schema's enum labels in both languages ({"zh": {enum: {value:
// label}}, "en": …}): the app's own copy, so that what the server writes in words
// says a status as the app does.
func EnumLabels() []byte { return enumLabels }
