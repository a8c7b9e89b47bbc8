package graph

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/projectdocument"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// MaxProjectFileBytes is the largest project file kept: a scanned agreement or a
// grant application with its annexes, as large as any upload may be.
const MaxProjectFileBytes = MaxUploadBytes

// projectFileScope separates project file links from the other download links.
const projectFileScope = "project-document"

// attachProjectFile stores the file, then records it in the request's transaction;
// the file is removed again when the row is not saved.
func (r *mutationResolver) attachProjectFile(ctx context.Context, input model.AttachProjectFileInput, clientMutationID *string) (*ent.ProjectDocument, error) {
	title := strings.TrimSpace(input.Title)
	if title == "" || utf8.RuneCountInString(title) > 200 {
		return nil, errcode.New(errcode.BadUserInput, "title: 1 to 200 characters").With("field", "title")
	}
	up := input.File
	fileName, contentType, err := r.documentUpload(up, MaxProjectFileBytes, "a project file")
	if err != nil {
		return nil, err
	}
	return create(ctx, r.db(ctx), clientMutationID, func(c *ent.Client, id pulid.ID) (*ent.ProjectDocument, error) {
		// A project the viewer may not see answers like one that does not exist.
		if _, err := c.Project.Get(ctx, input.ProjectID); err != nil {
			return nil, err
		}
		key := newFileKey("project-documents", r.now())
		size, sum, err := r.storeUpload(ctx, key, up.File, MaxProjectFileBytes)
		if err != nil {
			return nil, err
		}
		b := c.ProjectDocument.Create().SetID(id).SetProjectID(input.ProjectID).SetTitle(title).
			SetFileName(fileName).SetContentType(contentType).SetSizeBytes(size).SetSha256(sum).SetStorageKey(key).
			SetNillableShared(input.Shared)
		if input.Kind != nil {
			b.SetKind(*input.Kind)
		}
		d, err := b.Save(ctx)
		if err != nil {
			r.removeFile(ctx, key)
			return nil, err
		}
		return d, nil
	})
}

// deleteProjectDocument removes the row, and the stored file once that is committed.
func (r *mutationResolver) deleteProjectDocument(ctx context.Context, id pulid.ID, version *int) (*model.DeletePayload, error) {
	c := r.db(ctx)
	d, err := c.ProjectDocument.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	del := c.ProjectDocument.DeleteOneID(id)
	if version != nil {
		del.Where(projectdocument.Version(*version))
	}
	out, err := deleted(id, version, del.Exec(ctx))
	if err == nil {
		r.removeFileWhenDone(ctx, d.StorageKey)
	}
	return out, err
}

// ProjectFileDownloadHandler serves GET /project-documents/{id}/download?exp=…&sig=….
func (r *Resolver) ProjectFileDownloadHandler() http.Handler {
	return r.signedDownloads(projectFileScope, func(ctx context.Context, id pulid.ID) (storedFile, string, error) {
		d, err := r.Client.ProjectDocument.Get(ctx, id)
		if err != nil {
			return storedFile{}, "", err
		}
		return storedFile{key: d.StorageKey, name: d.FileName, contentType: d.ContentType, sha256: d.Sha256, size: d.SizeBytes}, "attachment", nil
	})
}

// projectFileURL is the short-lived link of a project file.
func (r *Resolver) projectFileURL(d *ent.ProjectDocument) *string {
	u := signedPath("/project-documents/", projectFileScope, r.DownloadKey, d.ID, r.now().Add(DownloadTTL))
	return &u
}
