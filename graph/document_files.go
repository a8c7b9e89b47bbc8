package graph

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/server/storage"
)

// DownloadTTL is how long a document download link stays valid.
const DownloadTTL = 10 * time.Minute

// DownloadKey derives the key that signs download links from the JWT secret, so the
// secret itself never signs anything but tokens.
func DownloadKey(secret []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("tandem/document-download/v1"))
	return m.Sum(nil)
}

// now is the resolver's clock in UTC.
func (r *Resolver) now() time.Time {
	if r.Now != nil {
		return r.Now().UTC()
	}
	return time.Now().UTC()
}

// documentTypes are the content types uploadDocument accepts.
var documentTypes = map[string]bool{
	"application/pdf":    true,
	"image/png":          true,
	"image/jpeg":         true,
	"image/gif":          true,
	"image/webp":         true,
	"image/tiff":         true,
	"application/msword": true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": true,
	"application/vnd.ms-excel": true,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         true,
	"application/vnd.ms-powerpoint":                                             true,
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": true,
	"application/vnd.oasis.opendocument.text":                                   true,
	"application/vnd.oasis.opendocument.spreadsheet":                            true,
	"application/vnd.oasis.opendocument.presentation":                           true,
	"text/plain": true,
	"text/csv":   true,
}

// typeAliases maps common non-standard names to the standard ones.
var typeAliases = map[string]string{
	"image/jpg":                   "image/jpeg",
	"image/pjpeg":                 "image/jpeg",
	"application/x-pdf":           "application/pdf",
	"application/csv":             "text/csv",
	"text/comma-separated-values": "text/csv",
}

// typesByExt names the content type when the client sent none (or a generic one).
var typesByExt = map[string]string{
	".pdf":  "application/pdf",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".tif":  "image/tiff",
	".tiff": "image/tiff",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt":  "application/vnd.oasis.opendocument.text",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".odp":  "application/vnd.oasis.opendocument.presentation",
	".txt":  "text/plain",
	".csv":  "text/csv",
}

// documentContentType returns the content type to record for an upload, or a
// BAD_USER_INPUT error when it is not one Tandem keeps.
func documentContentType(declared, fileName string) (string, error) {
	mt, params, err := mime.ParseMediaType(declared)
	if err != nil || mt == "application/octet-stream" || mt == "" {
		mt, params = typesByExt[strings.ToLower(path.Ext(fileName))], nil
	}
	if a, ok := typeAliases[mt]; ok {
		mt = a
	}
	if !documentTypes[mt] {
		shown := declared
		if shown == "" {
			shown = "unknown"
		}
		return "", errcode.New(errcode.BadUserInput,
			"file: content type %s is not accepted; upload a PDF, an image (PNG, JPEG, GIF, WebP, TIFF), an office document, plain text or CSV", shown).
			With("field", "file")
	}
	if cs := params["charset"]; cs != "" && strings.HasPrefix(mt, "text/") {
		if t := mime.FormatMediaType(mt, map[string]string{"charset": strings.ToLower(cs)}); t != "" {
			return t, nil
		}
	}
	return mt, nil
}

// cleanFileName keeps the last path element of a client's file name, without
// control characters, within the 300 bytes the schema allows.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	for len(name) > 300 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" || name == "." || name == ".." {
		return "document"
	}
	return name
}

// newFileKey names a stored file under dir ("documents", "issue-attachments"…): no
// part of it comes from the client.
func newFileKey(dir string, now time.Time) string {
	raw := make([]byte, 16)
	_, _ = rand.Read(raw)
	return fmt.Sprintf("%s/%04d/%02d/%s", dir, now.Year(), int(now.Month()), hex.EncodeToString(raw))
}

// storeUpload writes an uploaded file under key from its first byte and arranges for
// it to be removed if the request's transaction is undone. limit > 0 refuses a file
// larger than that many bytes (and an empty one), with nothing left stored.
func (r *Resolver) storeUpload(ctx context.Context, key string, f io.ReadSeeker, limit int64) (size int64, sum string, err error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, "", err
	}
	var src io.Reader = f
	if limit > 0 {
		src = io.LimitReader(f, limit+1)
	}
	size, sum, err = r.Files.Put(ctx, key, src)
	if err != nil {
		return 0, "", err
	}
	if size == 0 || (limit > 0 && size > limit) {
		r.removeFile(ctx, key)
		msg := "file: the file is empty"
		if limit > 0 {
			msg = fmt.Sprintf("file: the file is empty or larger than %d MB", limit>>20)
		}
		return 0, "", errcode.New(errcode.BadUserInput, "%s", msg).With("field", "file")
	}
	r.removeFileWhenUndone(ctx, key)
	return size, sum, nil
}

// removeFileWhenUndone deletes the stored file if the request's transaction rolls
// back or fails to commit, so no file outlives a document row that was never saved.
func (r *Resolver) removeFileWhenUndone(ctx context.Context, key string) {
	afterTx(ctx, func(committed bool) {
		if !committed {
			r.removeFile(ctx, key)
		}
	}, nil)
}

// removeFileWhenDone deletes the stored file once the request's transaction commits
// (at once without one): a row deleted takes its file with it, a deletion undone
// keeps it.
func (r *Resolver) removeFileWhenDone(ctx context.Context, key string) {
	done := func(committed bool) {
		if committed {
			r.removeFile(ctx, key)
		}
	}
	afterTx(ctx, done, func() { done(true) })
}

// afterTx calls then with whether the request's transaction committed, once it ends;
// without a transaction it calls none instead (when not nil).
func afterTx(ctx context.Context, then func(committed bool), none func()) {
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		if none != nil {
			none()
		}
		return
	}
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Rollback(ctx, tx)
			then(false)
			return err
		})
	})
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			then(err == nil)
			return err
		})
	})
}

func (r *Resolver) removeFile(ctx context.Context, key string) {
	_ = r.Files.Delete(context.WithoutCancel(ctx), key)
}

// downloadMAC is the signature of a download link: HMAC-SHA256 over "id|exp", or
// "scope|id|exp" for the links of another kind of file than documents.
func downloadMAC(key []byte, scope, id string, exp int64) []byte {
	m := hmac.New(sha256.New, key)
	if scope != "" {
		m.Write([]byte(scope + "|"))
	}
	m.Write([]byte(id + "|" + strconv.FormatInt(exp, 10)))
	return m.Sum(nil)
}

// SignDownload returns the path and query of a download link for the document,
// valid until exp.
func SignDownload(key []byte, id pulid.ID, exp time.Time) string {
	return signedPath("/documents/", "", key, id, exp)
}

// signedPath is base + id + "/download?exp=…&sig=…".
func signedPath(base, scope string, key []byte, id pulid.ID, exp time.Time) string {
	e := exp.Unix()
	return base + url.PathEscape(string(id)) + "/download?exp=" + strconv.FormatInt(e, 10) +
		"&sig=" + hex.EncodeToString(downloadMAC(key, scope, string(id), e))
}

// verifySigned checks a link's signature and expiry.
func verifySigned(key []byte, scope, id, exp, sig string, now time.Time) bool {
	e, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || len(key) == 0 {
		return false
	}
	got, err := hex.DecodeString(sig)
	if err != nil || !hmac.Equal(got, downloadMAC(key, scope, id, e)) {
		return false
	}
	return now.Unix() <= e
}

// DownloadHandler serves GET /documents/{id}/download?exp=…&sig=….
func (r *Resolver) DownloadHandler() http.Handler {
	return r.signedDownloads("", func(ctx context.Context, id pulid.ID) (storedFile, string, error) {
		doc, err := r.Client.Document.Get(ctx, id)
		if err == nil && doc.StorageKey == "" {
			err = storage.ErrNotFound
		}
		if err != nil {
			return storedFile{}, "", err
		}
		return storedFile{key: doc.StorageKey, name: doc.FileName, contentType: doc.ContentType, sha256: doc.Sha256, size: doc.SizeBytes}, "attachment", nil
	})
}

// signedDownloads serves the files of one kind by their signed links. The signature
// (made for this scope) is the authorisation: links are only issued to viewers allowed
// to see the file, so load reads it past the privacy rules. load names the file and
// its disposition ("attachment" or "inline").
func (r *Resolver) signedDownloads(scope string, load func(context.Context, pulid.ID) (storedFile, string, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		id := req.PathValue("id")
		q := req.URL.Query()
		if !verifySigned(r.DownloadKey, scope, id, q.Get("exp"), q.Get("sig"), r.now()) {
			http.Error(w, "this download link is invalid or has expired", http.StatusForbidden)
			return
		}
		ctx := access.System(req.Context(), "signed download link: the signature is the permission")
		f, disposition, err := load(ctx, pulid.ID(id))
		if ent.IsNotFound(err) || errors.Is(err, storage.ErrNotFound) {
			http.Error(w, "no such file", http.StatusNotFound)
			return
		}
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		r.serveStored(ctx, w, req, f, disposition)
	})
}

// storedFile is what a download needs to know of a file in the store.
type storedFile struct {
	key, name, contentType, sha256 string
	size                           int64
}

// serveStored answers a download of f: a redirect to the object store when it can
// serve the file itself (redirectToStore), else the file, its type never sniffed,
// its name in the given disposition ("attachment" or "inline"), its SHA-256 the ETag.
func (r *Resolver) serveStored(ctx context.Context, w http.ResponseWriter, req *http.Request, f storedFile, disposition string) {
	if r.redirectToStore(ctx, w, req, f, disposition) {
		return
	}
	etag := `"` + f.sha256 + `"`
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-cache")
	if f.sha256 != "" {
		h.Set("ETag", etag)
		if inm := req.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	rc, err := r.Files.Open(ctx, f.key)
	if errors.Is(err, storage.ErrNotFound) {
		http.Error(w, "no such file", http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer rc.Close()
	ct := f.contentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", contentDisposition(disposition, f.name))
	if f.size > 0 {
		h.Set("Content-Length", strconv.FormatInt(f.size, 10))
	}
	if req.Method == http.MethodHead {
		return
	}
	_, _ = io.Copy(w, rc)
}

func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// contentDisposition is a Content-Disposition of the given type naming the file
// (cleaned of what a file name should not hold).
func contentDisposition(disposition, name string) string {
	return storage.ContentDisposition(disposition, cleanFileName(name))
}
