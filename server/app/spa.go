package app

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// spa serves the embedded app: files compressed once at start (Go's file server
// does not compress), hashed assets cached for a year, index.html for client routes,
// and the other HTML entries (pages) at their own paths.
type spa struct {
	files map[string]*asset
}

type asset struct {
	body, gz    []byte
	contentType string
	immutable   bool
}

func newSPA(dist fs.FS) *spa {
	s := &spa{files: map[string]*asset{}}
	_ = fs.WalkDir(dist, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(dist, p)
		if err != nil {
			return err
		}
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = http.DetectContentType(body)
		}
		a := &asset{body: body, contentType: ct, immutable: strings.HasPrefix(p, "assets/")}
		if compressible(ct) && len(body) > 512 {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(body)
			_ = zw.Close()
			if buf.Len() < len(body) {
				a.gz = buf.Bytes()
			}
		}
		s.files["/"+p] = a
		return nil
	})
	return s
}

func compressible(ct string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "image/svg", "application/manifest"} {
		if strings.HasPrefix(ct, p) {
			return true
		}
	}
	return false
}

var startTime = time.Now()

// pages are the built HTML entries besides the phone app, by the path they answer.
// Without them the client-route fallback would answer these paths with index.html.
// The explorer (frontend/explorer.html: GraphiQL for analysts) runs under the same
// CSP as the app: its code, Monaco's web workers and codicon font are files from our
// origin, its styles are inline ('unsafe-inline' already), and GraphiQL's data: fonts
// are left out of the bundle, so no directive needs widening.
var pages = map[string]string{
	"/explorer":  "/explorer.html",
	"/explorer/": "/explorer.html",
}

func (s *spa) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	a, ok := s.files[r.URL.Path]
	if !ok {
		if page, isPage := pages[r.URL.Path]; isPage {
			a = s.files[page] // nil, so 404, when the build has no such page
		} else if strings.HasPrefix(r.URL.Path, "/assets/") || path.Ext(r.URL.Path) != "" {
			http.NotFound(w, r)
			return
		} else {
			a = s.files["/index.html"] // a client-side route
		}
	}
	if a == nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Add("Vary", "Accept-Encoding")
	if a.immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	body := a.body
	if a.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	http.ServeContent(w, r, "", startTime, bytes.NewReader(body))
}
