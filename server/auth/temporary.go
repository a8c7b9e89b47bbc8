package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"time"

	"tandem/ent"
	"tandem/ent/loginthrottle"
	"tandem/ent/refreshtoken"
)

// RandomPassword is a password of n random bytes, URL-safe base64 (4/3 n characters):
// the first admin's, the break-glass one, and the temporary ones admins hand out.
func RandomPassword(n int) (string, error) {
	raw := make([]byte, n)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
}

// SetTemporaryPassword gives the user a new random password (returned, to be shown
// once) that must be changed at the next sign-in, signs out every session of the
// user and lifts the sign-in blocks on the account — so a forgotten password, a
// locked-out account and a password someone else may know are all ended by one act.
// c is the caller's (transaction's) client; the credentials are written as the
// sign-in service writes them.
func SetTemporaryPassword(ctx context.Context, c *ent.Client, u *ent.User, now time.Time) (string, error) {
	password, err := RandomPassword(15)
	if err != nil {
		return "", err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return "", err
	}
	if err := c.User.UpdateOneID(u.ID).SetPasswordHash(hash).SetMustChangePassword(true).Exec(system(ctx)); err != nil {
		return "", err
	}
	if err := RevokeSessions(ctx, c, u, now); err != nil {
		return "", err
	}
	_, err = c.LoginThrottle.Delete().Where(loginthrottle.Or(
		loginthrottle.Key("account:"+u.Email), loginthrottle.KeyHasPrefix("pair:"+u.Email+" from "))).Exec(system(ctx))
	return password, err
}

// RevokeSessions ends every sign-in of the user: no refresh token of theirs works
// again (a deactivated user's access tokens already stop at the next request).
func RevokeSessions(ctx context.Context, c *ent.Client, u *ent.User, now time.Time) error {
	_, err := c.RefreshToken.Update().Where(refreshtoken.UserID(u.ID), refreshtoken.RevokedAtIsNil()).
		SetRevokedAt(now).Save(system(ctx))
	return err
}
