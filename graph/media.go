package graph

import (
	"context"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"tandem/domain/media"
	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/medianote"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// mediaScope separates photo and voice note links from the other download links.
const mediaScope = "media"

// attachMedia stores a photo or voice note, then records it in the request's
// transaction; the file is removed again when the row is not saved.
func (r *mutationResolver) attachMedia(ctx context.Context, input model.AttachMediaInput, clientMutationID *string) (*ent.MediaNote, error) {
	if err := media.CheckParent(input.InteractionID != nil, input.TrialID != nil); err != nil {
		return nil, err
	}
	up := input.File
	fileName, head, err := uploadHead(up, media.MaxBytes, "a photo or voice note")
	if err != nil {
		return nil, err
	}
	kind, contentType, err := mediaContentType(up.ContentType, fileName, head)
	if err != nil {
		return nil, err
	}
	if err := media.CheckDuration(kind, input.DurationSeconds); err != nil {
		return nil, err
	}
	caption := trimmed(input.Caption)
	if caption != nil && utf8.RuneCountInString(*caption) > 1000 {
		return nil, errcode.New(errcode.BadUserInput, "caption: at most 1,000 characters").With("field", "caption")
	}
	if r.Files == nil {
		return nil, errcode.New(errcode.Internal, "file storage is not configured")
	}
	return create(ctx, r.db(ctx), clientMutationID, func(c *ent.Client, id pulid.ID) (*ent.MediaNote, error) {
		// A visit or trial the viewer may not see answers like one that does not exist.
		if input.InteractionID != nil {
			if _, err := c.Interaction.Get(ctx, *input.InteractionID); err != nil {
				return nil, err
			}
		} else if _, err := c.Trial.Get(ctx, *input.TrialID); err != nil {
			return nil, err
		}
		key := newFileKey("media", r.now())
		size, sum, err := r.storeUpload(ctx, key, up.File, media.MaxBytes)
		if err != nil {
			return nil, err
		}
		m, err := c.MediaNote.Create().SetID(id).
			SetNillableInteractionID(input.InteractionID).SetNillableTrialID(input.TrialID).
			SetKind(medianote.Kind(kind)).SetNillableCaption(caption).SetNillableDurationSeconds(input.DurationSeconds).
			SetFileName(fileName).SetContentType(contentType).SetSizeBytes(size).SetSha256(sum).SetStorageKey(key).
			Save(ctx)
		if err != nil {
			r.removeFile(ctx, key)
			return nil, err
		}
		return m, nil
	})
}

// mediaContentType names the kind and type of an upload by its bytes: a photo as an
// issue attachment's photos are checked, a voice note by media.SniffVoice. A PDF, a
// web page or anything else is refused.
func mediaContentType(declared, fileName string, head []byte) (kind, contentType string, err error) {
	if media.IsVoiceDeclared(declared, path.Ext(fileName)) {
		if got := media.SniffVoice(head); got != "" {
			return media.Voice, got, nil
		}
		return "", "", errcode.New(errcode.BadUserInput, "file: the content of %s is not a voice recording (WebM/Ogg Opus, MP4/AAC, MP3 or WAV)", fileName).With("field", "file")
	}
	ct, err := attachmentContentType(declared, fileName, head)
	if err != nil || !strings.HasPrefix(ct, "image/") {
		return "", "", errcode.New(errcode.BadUserInput, "file: attach a photo (JPEG, PNG, WebP, HEIC/HEIF) or a voice note (WebM/Ogg Opus, MP4/AAC, MP3, WAV)").With("field", "file")
	}
	return media.Photo, ct, nil
}

// deleteMediaNote removes the row, and the stored file once that is committed.
func (r *mutationResolver) deleteMediaNote(ctx context.Context, id pulid.ID, version *int) (*model.DeletePayload, error) {
	c := r.db(ctx)
	m, err := c.MediaNote.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	del := c.MediaNote.DeleteOneID(id)
	if version != nil {
		del.Where(medianote.Version(*version))
	}
	out, err := deleted(id, version, del.Exec(ctx))
	if err == nil {
		r.removeFileWhenDone(ctx, m.StorageKey)
	}
	return out, err
}

// MediaDownloadHandler serves GET /media/{id}/download?exp=…&sig=…, inline (an <img>
// or <audio> source).
func (r *Resolver) MediaDownloadHandler() http.Handler {
	return r.signedDownloads(mediaScope, func(ctx context.Context, id pulid.ID) (storedFile, string, error) {
		m, err := r.Client.MediaNote.Get(ctx, id)
		if err != nil {
			return storedFile{}, "", err
		}
		return storedFile{key: m.StorageKey, name: m.FileName, contentType: m.ContentType, sha256: m.Sha256, size: m.SizeBytes}, "inline", nil
	})
}

// mediaURL is the short-lived link of a photo or voice note.
func (r *Resolver) mediaURL(m *ent.MediaNote) *string {
	u := signedPath("/media/", mediaScope, r.DownloadKey, m.ID, r.now().Add(DownloadTTL))
	return &u
}
