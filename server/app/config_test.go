package app_test

import (
	"slices"
	"strings"
	"testing"

	"tandem/server/app"
)

func TestConfigWebhookAllowHosts(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		args []string
		env  string
		want []string
		err  string
	}{
		{env: "", want: nil},
		{env: "ERP.Partner.Local., 10.1.2.3 ,[fd12::5],", want: []string{"erp.partner.local", "10.1.2.3", "fd12::5"}},
		{args: []string{"--webhook-allow-hosts", "erp.partner.local"}, env: "10.1.2.3", want: []string{"erp.partner.local"}},
		{env: "erp.partner.local:8443", err: "TANDEM_WEBHOOK_ALLOW_HOSTS"},
		{env: "https://erp.partner.local", err: "TANDEM_WEBHOOK_ALLOW_HOSTS"},
		{env: "erp.partner.local/hook", err: "TANDEM_WEBHOOK_ALLOW_HOSTS"},
	} {
		c, err := app.ParseConfig(tc.args, env(map[string]string{"TANDEM_WEBHOOK_ALLOW_HOSTS": tc.env}))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: got %v, want an error about %s", tc.env, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(c.WebhookAllowHosts, tc.want) {
			t.Errorf("%v %q: got %q, %v; want %q", tc.args, tc.env, c.WebhookAllowHosts, err, tc.want)
		}
	}
}
