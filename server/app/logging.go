package app

import (
	"io"
	"log/slog"

	"tandem/server/requestid"
)

// NewLogger is the server's logger: text or JSON lines (--log-format) from the level
// set (--log-level) up, each line logged within a request carrying its request_id.
func NewLogger(w io.Writer, ops Operations) *slog.Logger {
	opts := &slog.HandlerOptions{Level: ops.LogLevel}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if ops.LogFormat == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	return requestid.Logger(slog.New(h))
}
