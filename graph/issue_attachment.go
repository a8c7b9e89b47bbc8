package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// MaxAttachmentBytes is the largest file attachIssueFile keeps: a phone photo is a
// few MB, a scanned report rarely more than ten.
const MaxAttachmentBytes = 20 << 20

// attachmentScope separates attachment links from document links: a signature
// made for one never opens the other.
const attachmentScope = "issue-attachment"

// attachIssueFile stores the file, then records the attachment in the request's
// transaction; the file is removed again when the row is not saved.
func (r *mutationResolver) attachIssueFile(ctx context.Context, input model.AttachIssueFileInput, clientMutationID *string) (*ent.IssueAttachment, error) {
	up := input.File
	fileName, head, err := uploadHead(up, MaxAttachmentBytes, "an attachment")
	if err != nil {
		return nil, err
	}
	contentType, err := attachmentContentType(up.ContentType, fileName, head)
	if err != nil {
		return nil, err
	}
	caption := trimmed(input.Caption)
	if r.Files == nil {
		return nil, errcode.New(errcode.Internal, "file storage is not configured")
	}
	return create(ctx, r.db(ctx), clientMutationID, func(c *ent.Client, id pulid.ID) (*ent.IssueAttachment, error) {
		// A problem the viewer may not see answers like one that does not exist.
		if _, err := c.Issue.Get(ctx, input.IssueID); err != nil {
			return nil, err
		}
		key := newFileKey("issue-attachments", r.now())
		size, sum, err := r.storeUpload(ctx, key, up.File, MaxAttachmentBytes)
		if err != nil {
			return nil, err
		}
		a, err := c.IssueAttachment.Create().
			SetID(id).
			SetIssueID(input.IssueID).
			SetFileName(fileName).
			SetContentType(contentType).
			SetSizeBytes(size).
			SetSha256(sum).
			SetStorageKey(key).
			SetNillableCaption(caption).
			Save(ctx)
		if err != nil {
			r.removeFile(ctx, key)
			return nil, err
		}
		return a, nil
	})
}

// uploadHead checks a photo-like upload before anything is stored (not empty, within
// limit bytes; what names the kind of file in the refusal) and reads its first 512
// bytes, which tell what the file is; the rest is read when it is stored.
func uploadHead(up graphql.Upload, limit int64, what string) (fileName string, head []byte, err error) {
	if up.File == nil || up.Size <= 0 {
		return "", nil, errcode.New(errcode.BadUserInput, "file: the file is empty").With("field", "file")
	}
	if up.Size > limit {
		return "", nil, errcode.New(errcode.BadUserInput, "file: %s is larger than the %d MB %s may have", humanBytes(up.Size), limit>>20, what).With("field", "file")
	}
	head = make([]byte, 512)
	n, err := io.ReadFull(up.File, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", nil, err
	}
	return cleanFileName(up.Filename), head[:n], nil
}

// trimmed is an optional text without its surrounding spaces; nil when nothing is left.
func trimmed(s *string) *string {
	if s == nil {
		return nil
	}
	if t := strings.TrimSpace(*s); t != "" {
		return &t
	}
	return nil
}

// attachmentTypes are the content types attachIssueFile accepts.
var attachmentTypes = map[string]bool{
	"image/jpeg": true, "image/png": true, "image/webp": true, "image/heic": true, "image/heif": true,
	"application/pdf": true,
}

// attachmentTypesByExt names the content type when the client sent none (or a
// generic one), as some phones do for HEIC photos.
var attachmentTypesByExt = map[string]string{
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
	".heic": "image/heic", ".heif": "image/heif", ".hif": "image/heif", ".pdf": "application/pdf",
}

var attachmentAliases = map[string]string{
	"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "application/x-pdf": "application/pdf",
	"image/heic-sequence": "image/heic", "image/heif-sequence": "image/heif",
}

const attachmentKinds = "attach a photo (JPEG, PNG, WebP, HEIC/HEIF) or a PDF"

// attachmentContentType returns the content type to record for an upload, or a
// BAD_USER_INPUT error: the declared type (or, without one, the file name's
// extension) must be a photo or a PDF, and so must the first bytes of the file.
// What the bytes are is recorded, so a download is never served as something else.
func attachmentContentType(declared, fileName string, head []byte) (string, error) {
	mt, _, err := mime.ParseMediaType(declared)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		mt = attachmentTypesByExt[strings.ToLower(path.Ext(fileName))]
	}
	if a, ok := attachmentAliases[mt]; ok {
		mt = a
	}
	if !attachmentTypes[mt] {
		shown := declared
		if shown == "" {
			shown = "unknown"
		}
		return "", errcode.New(errcode.BadUserInput, "file: content type %s is not accepted; %s", shown, attachmentKinds).With("field", "file")
	}
	got := sniffAttachment(head)
	switch {
	case got == "":
		return "", errcode.New(errcode.BadUserInput, "file: the content of %s is not a JPEG, PNG, WebP, HEIC/HEIF image or a PDF; %s", fileName, attachmentKinds).With("field", "file")
	case isHEIF(got) && isHEIF(mt):
		return mt, nil // the brands do not always tell HEIC from HEIF: trust the sender
	}
	return got, nil
}

func isHEIF(mt string) bool { return mt == "image/heic" || mt == "image/heif" }

// sniffAttachment names the accepted type the first bytes of a file belong to, or "".
func sniffAttachment(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "image/webp"
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "application/pdf"
	}
	return heifBrand(b)
}

// heifBrand reads an ISO-BMFF "ftyp" box: HEIC/HEIF photos carry one of these brands
// as the major or a compatible brand (AVIF, also HEIF-based, is not accepted).
func heifBrand(b []byte) string {
	if len(b) < 16 || string(b[4:8]) != "ftyp" {
		return ""
	}
	size := int(binary.BigEndian.Uint32(b[:4]))
	if size < 16 || size > len(b) {
		size = len(b)
	}
	major := string(b[8:12])
	if major == "avif" || major == "avis" {
		return ""
	}
	brands := []string{major}
	for i := 16; i+4 <= size; i += 4 {
		brands = append(brands, string(b[i:i+4]))
	}
	for _, br := range brands {
		switch br {
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs":
			return "image/heic"
		}
	}
	for _, br := range brands {
		switch br {
		case "mif1", "msf1", "mif2":
			return "image/heif"
		}
	}
	return ""
}

func humanBytes(n int64) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
}

// SignAttachmentDownload returns the path and query of a download link for the
// attachment, valid until exp.
func SignAttachmentDownload(key []byte, id pulid.ID, exp time.Time) string {
	return signedPath("/issue-attachments/", attachmentScope, key, id, exp)
}

// AttachmentDownloadHandler serves GET /issue-attachments/{id}/download?exp=…&sig=….
// Images are served inline (an <img> source), PDFs as a download.
func (r *Resolver) AttachmentDownloadHandler() http.Handler {
	return r.signedDownloads(attachmentScope, func(ctx context.Context, id pulid.ID) (storedFile, string, error) {
		a, err := r.Client.IssueAttachment.Get(ctx, id)
		if err != nil {
			return storedFile{}, "", err
		}
		disposition := "attachment"
		if strings.HasPrefix(a.ContentType, "image/") {
			disposition = "inline"
		}
		return storedFile{key: a.StorageKey, name: a.FileName, contentType: a.ContentType, sha256: a.Sha256, size: a.SizeBytes}, disposition, nil
	})
}

// attachmentDownloadURL is the short-lived link of an attachment.
func (r *Resolver) attachmentDownloadURL(a *ent.IssueAttachment) *string {
	u := SignAttachmentDownload(r.DownloadKey, a.ID, r.now().Add(DownloadTTL))
	return &u
}
