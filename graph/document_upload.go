package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"tandem/ent"
	"tandem/ent/errcode"
	"tandem/ent/schema/pulid"
	"tandem/graph/model"
)

// uploadDocument stores the file, then records the document in the request's
// transaction; the file is removed again when the row is not saved.
func (r *mutationResolver) uploadDocument(ctx context.Context, input model.UploadDocumentInput, clientMutationID *string) (*ent.Document, error) {
	if strings.TrimSpace(input.Title) == "" {
		return nil, errcode.New(errcode.BadUserInput, "title: must not be empty").With("field", "title")
	}
	up := input.File
	fileName, contentType, err := r.documentUpload(up, 0, "")
	if err != nil {
		return nil, err
	}
	return create(ctx, r.db(ctx), clientMutationID, func(c *ent.Client, id pulid.ID) (*ent.Document, error) {
		if input.CustomerID != nil {
			// A document made for one customer needs a customer the uploader may see.
			if _, err := c.Customer.Get(ctx, *input.CustomerID); err != nil {
				return nil, err
			}
		}
		key := newFileKey("documents", r.now())
		size, sum, err := r.storeUpload(ctx, key, up.File, 0)
		if err != nil {
			return nil, err
		}
		doc, err := c.Document.Create().
			SetID(id).
			SetType(input.Type).
			SetTitle(strings.TrimSpace(input.Title)).
			SetNillableDocVersion(input.DocVersion).
			SetNillableLanguage(input.Language).
			SetNillableProductID(input.ProductID).
			SetNillableBatchNo(input.BatchNo).
			SetNillableCustomerID(input.CustomerID).
			SetNillableSupersedesID(input.SupersedesID).
			SetNillableValidUntil(input.ValidUntil).
			SetFileName(fileName).
			SetContentType(contentType).
			SetSizeBytes(size).
			SetSha256(sum).
			SetStorageKey(key).
			Save(ctx)
		if err != nil {
			r.removeFile(ctx, key)
			return nil, err
		}
		return doc, nil
	})
}

// documentUpload checks an uploaded document before anything is stored: not empty,
// within limit bytes (limit > 0; what names the kind of file in the refusal), of a
// type Tandem keeps. It returns the name and content type to record.
func (r *Resolver) documentUpload(up graphql.Upload, limit int64, what string) (fileName, contentType string, err error) {
	if up.File == nil || up.Size <= 0 {
		return "", "", errcode.New(errcode.BadUserInput, "file: the file is empty").With("field", "file")
	}
	if limit > 0 && up.Size > limit {
		return "", "", errcode.New(errcode.BadUserInput, "file: %s is larger than the %d MB %s may have", humanBytes(up.Size), limit>>20, what).With("field", "file")
	}
	fileName = cleanFileName(up.Filename)
	if contentType, err = documentContentType(up.ContentType, fileName); err != nil {
		return "", "", err
	}
	if r.Files == nil {
		return "", "", errcode.New(errcode.Internal, "file storage is not configured")
	}
	return fileName, contentType, nil
}
