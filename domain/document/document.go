// Package document is what Tandem knows about the technical and quality documents of
// a product (TDS 技术说明书, MSDS 化学品安全技术说明书, COA, certificates): which of
// them is current, so that the workflows that need a document on file (a sample
// shipped, an order shipped) ask one place.
package document
