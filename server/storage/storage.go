// Package storage keeps uploaded files (document PDFs, certificates, images) outside
// the database. Store is small enough that an S3-compatible object store can take
// the place of the local-disk implementation here.
package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Store keeps files by key. Keys are chosen by the caller: slash-separated segments
// of letters, digits, '.', '_' and '-', each starting with a letter or a digit.
type Store interface {
	// Put streams r into the file named key (replacing it if it exists) and returns
	// its size and lowercase hex SHA-256. A failed Put leaves nothing behind.
	Put(ctx context.Context, key string, r io.Reader) (size int64, sha256hex string, err error)
	// Open returns the file's content; ErrNotFound when there is no such key.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes the file; deleting a key that does not exist is not an error.
	Delete(ctx context.Context, key string) error
}

// ErrNotFound is returned by Open for a key that holds no file.
var ErrNotFound = errors.New("storage: no such file")

// ErrInvalidKey is returned for a key that is not of the allowed form.
var ErrInvalidKey = errors.New("storage: invalid key")

// MaxKeyLen bounds the length of a key.
const MaxKeyLen = 512

// ValidKey reports whether key has the allowed form (see Store).
func ValidKey(key string) bool {
	if key == "" || len(key) > MaxKeyLen {
		return false
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == "" || !alnum(seg[0]) {
			return false
		}
		for i := 0; i < len(seg); i++ {
			if c := seg[i]; !alnum(c) && c != '.' && c != '_' && c != '-' {
				return false
			}
		}
	}
	return true
}

func alnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Local is a Store on the local disk, under one root directory. Writes go to a
// temporary file in the target directory, are synced, then renamed into place, so a
// reader never sees a partial file.
type Local struct {
	root string
}

// NewLocal returns a Store writing under root, creating the directory if needed.
func NewLocal(root string) (*Local, error) {
	if root == "" {
		return nil, errors.New("storage: empty root directory")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	return &Local{root: abs}, nil
}

// Root is the directory files are kept under.
func (l *Local) Root() string { return l.root }

// Path is where the file of key lives on disk.
func (l *Local) Path(key string) (string, error) {
	if !ValidKey(key) {
		return "", fmt.Errorf("%w: %q", ErrInvalidKey, key)
	}
	return filepath.Join(l.root, filepath.FromSlash(key)), nil
}

// Put implements Store.
func (l *Local) Put(ctx context.Context, key string, r io.Reader) (int64, string, error) {
	path, err := l.Path(key)
	if err != nil {
		return 0, "", err
	}
	if err := ctx.Err(); err != nil {
		return 0, "", err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, "", fmt.Errorf("storage: %w", err)
	}
	// The leading dot keeps temporary names out of the key space.
	tmp, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return 0, "", fmt.Errorf("storage: %w", err)
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), ctxReader{ctx, r})
	if err != nil {
		return 0, "", fmt.Errorf("storage: writing %s: %w", key, err)
	}
	if err := tmp.Sync(); err != nil {
		return 0, "", fmt.Errorf("storage: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, "", fmt.Errorf("storage: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, "", fmt.Errorf("storage: %w", err)
	}
	done = true
	syncDir(dir)
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// Open implements Store.
func (l *Local) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	path, err := l.Path(key)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	return f, nil
}

// Delete implements Store.
func (l *Local) Delete(_ context.Context, key string) error {
	path, err := l.Path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("storage: %w", err)
	}
	return nil
}

// syncDir makes a rename durable; failures are ignored (not every platform can).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// ctxReader stops a copy when the context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

var _ Store = (*Local)(nil)
