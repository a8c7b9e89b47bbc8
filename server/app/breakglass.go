package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"tandem/domain/access"
	"tandem/ent"
	"tandem/ent/user"
	"tandem/server/auth"
)

// ErrNoAdmin is the answer of ResetAdminPassword when there is no admin to reset
// (or the email named is not one).
var ErrNoAdmin = errors.New("no admin")

// ResetAdminPassword is the break-glass way back in when nobody can sign in: run on
// the server's machine (`tandem reset-admin-password`), it gives an admin — the one
// named by email, else the first active admin created, else the first admin created —
// a new random password, makes them active again if they were deactivated, signs out
// every session of that admin and lifts the sign-in blocks on the account. The new
// password is returned to be shown once; it must be changed at the next sign-in.
func ResetAdminPassword(ctx context.Context, c *ent.Client, email string, now time.Time) (who, password string, err error) {
	sys := access.System(ctx, "break-glass: an operator on the server's machine resets an admin's password")
	q := c.User.Query().Where(user.RoleEQ(user.RoleADMIN))
	if email = strings.ToLower(strings.TrimSpace(email)); email != "" {
		q = q.Where(user.Email(email))
	}
	u, err := q.Order(ent.Desc(user.FieldActive), ent.Asc(user.FieldCreatedAt), ent.Asc(user.FieldID)).First(sys)
	if ent.IsNotFound(err) {
		if email != "" {
			return "", "", fmt.Errorf("%w with the email %s", ErrNoAdmin, email)
		}
		return "", "", ErrNoAdmin
	}
	if err != nil {
		return "", "", err
	}
	tx, err := c.Tx(sys)
	if err != nil {
		return "", "", err
	}
	if !u.Active {
		if err := tx.Client().User.UpdateOneID(u.ID).SetActive(true).Exec(sys); err != nil {
			_ = tx.Rollback()
			return "", "", err
		}
	}
	if password, err = auth.SetTemporaryPassword(sys, tx.Client(), u, now); err != nil {
		_ = tx.Rollback()
		return "", "", err
	}
	return u.Email, password, tx.Commit()
}
