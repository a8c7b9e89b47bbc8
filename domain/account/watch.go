package account

import (
	"context"
	"math"
	"slices"
	"sync/atomic"

	gen "tandem/ent"
	"tandem/ent/contact"
	"tandem/ent/customer"
)

// What the source text asks a rep to watch on an account, beyond its stage.

// ReceivingChain are the departments that live with our product once the customer
// buys it — quality control, the warehouse that receives it, the production that uses
// it. 在采购系统（包括实际的验货系统、仓库收货系统、生产系统）建立良好的人际关系: before an
// account relies on us, we should know someone in each.
var ReceivingChain = []contact.Department{contact.DepartmentQC, contact.DepartmentWAREHOUSE, contact.DepartmentPRODUCTION}

// buildingChain are the stages in which the receiving chain is flagged: the trials and
// the evaluation orders, before the account makes us its main supplier.
var buildingChain = []customer.Stage{customer.StageTRIAL, customer.StageEVALUATION}

// UnknownDepartments lists the departments of the receiving chain where an account in
// trial or evaluation has no contact yet (none for other stages).
func UnknownDepartments(ctx context.Context, c *gen.Client, cu *gen.Customer) ([]contact.Department, error) {
	out := []contact.Department{}
	if !slices.Contains(buildingChain, cu.Stage) {
		return out, nil
	}
	known, err := c.Contact.Query().Where(contact.CustomerID(cu.ID), contact.DepartmentIn(ReceivingChain...)).
		Unique(true).Select(contact.FieldDepartment).Strings(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range ReceivingChain {
		if !slices.Contains(known, string(d)) {
			out = append(out, d)
		}
	}
	return out, nil
}

// Declining reports whether the account's industry is in decline (夕阳产业): a risk to
// weigh against every new order and plan (规避行业风险).
func Declining(cu *gen.Customer) bool {
	return cu.IndustryStatus != nil && *cu.IndustryStatus == customer.IndustryStatusSUNSET
}

// evaluationFactor shortens the contact intervals of accounts in evaluation (人勤、
// 电话勤: more visits and calls while the customer decides); 0.5 halves them.
var evaluationFactor atomic.Value // float64

// DefaultEvaluationFactor is the factor unless configured (TANDEM_EVALUATION_CONTACT_FACTOR).
const DefaultEvaluationFactor = 0.5

// SetEvaluationFactor sets the factor (0 < f ≤ 1) for the process.
func SetEvaluationFactor(f float64) { evaluationFactor.Store(f) }

// EvaluationFactor is the factor in force.
func EvaluationFactor() float64 {
	if f, ok := evaluationFactor.Load().(float64); ok {
		return f
	}
	return DefaultEvaluationFactor
}

// ContactIntervalDays is how often a key person of an account at stage should be
// contacted, given the interval agreed for them: shorter while the account evaluates
// us, at least one day.
func ContactIntervalDays(agreed int, stage customer.Stage) int {
	if stage != customer.StageEVALUATION {
		return agreed
	}
	return max(1, int(math.Round(float64(agreed)*EvaluationFactor())))
}
