package graph

import (
	"context"

	"tandem/domain/importer"
	"tandem/graph/model"
)

// importFields lists the fields of kind in the viewer's language.
func (r *queryResolver) importFields(ctx context.Context, kind string) ([]*model.ImportField, error) {
	if _, err := mayImport(ctx); err != nil {
		return nil, err
	}
	return fieldsIn(r.lang(ctx), importer.Kind(kind)), nil
}

func fieldsIn(lang string, k importer.Kind) []*model.ImportField {
	out := []*model.ImportField{}
	for _, f := range importer.FieldsOf(k) {
		out = append(out, &model.ImportField{Key: f.Key, Label: f.Label(lang), Required: f.Required})
	}
	return out
}
