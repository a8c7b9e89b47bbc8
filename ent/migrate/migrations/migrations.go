// Package migrations holds Tandem's versioned schema migrations, one directory per
// dialect in Atlas's format (YYYYMMDDHHMMSS_name.sql files and atlas.sum), written by
// `make migration name=…` and applied by server/app at start and by `tandem migrate`.
package migrations

import "embed"

// Files holds the directories "postgres" and "sqlite".
//
//go:embed postgres sqlite
var Files embed.FS
