package graph

import (
	"context"
	"net/http"
	"time"

	"tandem/server/storage"
)

// PresignTTL is how long a link straight to the object store lives. The browser
// follows it at once; Tandem's own signed link (DownloadTTL) is what is handed out.
const PresignTTL = 5 * time.Minute

// redirectToStore answers a download with a redirect to a presigned link of the
// object store, when the store can make one and Resolver.PresignDownloads is on; it
// reports whether it answered. Files shown inline (problem photos in an <img>) are
// never redirected: the app's Content-Security-Policy lets images load from its own
// origin only, so they keep streaming through Tandem.
func (r *Resolver) redirectToStore(ctx context.Context, w http.ResponseWriter, req *http.Request, f storedFile, disposition string) bool {
	p, ok := r.Files.(storage.Presigner)
	if !ok || !r.PresignDownloads || disposition == "inline" {
		return false
	}
	ct := f.contentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	link, err := p.PresignGet(ctx, f.key, cleanFileName(f.name), ct, PresignTTL, false)
	if err != nil {
		// Streaming through Tandem still works when presigning does not.
		return false
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, req, link, http.StatusFound)
	return true
}
