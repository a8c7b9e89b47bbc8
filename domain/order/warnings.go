package order

import (
	"fmt"
	"io"
	"strconv"
	"time"

	gen "tandem/ent"
)

// WarningKind is what a line warning is about (GraphQL OrderLineWarningKind).
type WarningKind string

// The kinds of line warnings.
const (
	BatchTooOld         WarningKind = "BATCH_TOO_OLD"
	NoProductionDate    WarningKind = "NO_PRODUCTION_DATE"
	COAWithoutFile      WarningKind = "COA_WITHOUT_FILE"
	CertificateExpired  WarningKind = "CERTIFICATE_EXPIRED"
	CertificateExpiring WarningKind = "CERTIFICATE_EXPIRING"
)

var warningKinds = []WarningKind{BatchTooOld, NoProductionDate, COAWithoutFile, CertificateExpired, CertificateExpiring}

// MarshalGQL writes the kind as its GraphQL enum value.
func (k WarningKind) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(k))) }

// UnmarshalGQL reads a GraphQL enum value.
func (k *WarningKind) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("OrderLineWarningKind must be a string")
	}
	for _, w := range warningKinds {
		if string(w) == s {
			*k = w
			return nil
		}
	}
	return fmt.Errorf("%s is not a valid OrderLineWarningKind", s)
}

// LineWarning is one thing shipping must look at on one line (GraphQL OrderLineWarning).
type LineWarning struct {
	Kind    WarningKind
	Line    *gen.OrderLine
	Message string
	// ProductionDate and MaxAgeMonths explain a batch-age warning.
	ProductionDate *time.Time
	MaxAgeMonths   *int
	// Document is the certificate of a certificate warning.
	Document *gen.Document
	// NeedsAcknowledgement: the order does not ship until someone acknowledges it.
	NeedsAcknowledgement bool
	Acknowledged         bool
	AcknowledgedAt       *time.Time
	AcknowledgedBy       *gen.User
	Acknowledgement      *string
}
