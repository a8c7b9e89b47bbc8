package sample

import (
	"context"

	"tandem/domain/document"
	gen "tandem/ent"
	doc "tandem/ent/document"
)

// What a sample needs before it ships (送样): the product's current MSDS
// (化学品安全技术说明书) and TDS (技术说明书) on file, and the two checks made on the
// sample itself — a clear label (标签) and the precautions (注意事项) sent with it.
// The names are those MissingForShipping and the error's extensions.missing give.
const (
	NeedMSDS        = "MSDS"
	NeedTDS         = "MANUAL_TDS"
	NeedLabel       = "docLabel"
	NeedPrecautions = "docPrecautions"
)

// ShippingNeeds lists, in order, everything MissingForShipping may name.
var ShippingNeeds = []string{NeedMSDS, NeedTDS, NeedLabel, NeedPrecautions}

// MissingForShipping lists what the sample still lacks to ship, in the order of
// ShippingNeeds (empty when it may ship). The ticks docManual and docMsds do not
// stand in for the documents: they are set by Advance when the sample ships, from
// the documents found.
func MissingForShipping(ctx context.Context, c *gen.Client, s *gen.Sample) ([]string, error) {
	missing := []string{}
	for _, d := range []struct {
		need string
		typ  doc.Type
	}{{NeedMSDS, document.MSDS}, {NeedTDS, document.TDS}} {
		cur, err := document.Current(ctx, c, s.ProductID, d.typ)
		if err != nil {
			return nil, err
		}
		if cur == nil {
			missing = append(missing, d.need)
		}
	}
	if !s.DocLabel {
		missing = append(missing, NeedLabel)
	}
	if !s.DocPrecautions {
		missing = append(missing, NeedPrecautions)
	}
	return missing, nil
}
