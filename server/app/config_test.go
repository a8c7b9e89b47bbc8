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

// TestConfigRefusesUnreadableValues: a typo in a setting stops the start with a message
// naming it, instead of quietly becoming the default.
func TestConfigRefusesUnreadableValues(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
		err  string
	}{
		{env: map[string]string{"TANDEM_DRAIN_DELAY": "abc"}, err: "TANDEM_DRAIN_DELAY"},
		{env: map[string]string{"TANDEM_DRAIN_DELAY": "-5s"}, err: "TANDEM_DRAIN_DELAY"},
		{env: map[string]string{"TANDEM_SLA_SWEEP_INTERVAL": "0s"}, err: "TANDEM_SLA_SWEEP_INTERVAL"},
		{env: map[string]string{"TANDEM_WEBHOOK_RETENTION": "forever"}, err: "TANDEM_WEBHOOK_RETENTION"},
		{env: map[string]string{"TANDEM_WORKERS": "maybe"}, err: "TANDEM_WORKERS"},
		{env: map[string]string{"TANDEM_DEMO": "sure"}, err: "TANDEM_DEMO"},
		{env: map[string]string{"TANDEM_ENV": "prod"}, err: "TANDEM_ENV"},
		{args: []string{"--drain-delay=-1s"}, err: "--drain-delay"},
		{args: []string{"--webhook-retention=0"}, err: "--webhook-retention"},
	} {
		_, err := app.ParseConfig(tc.args, func(k string) string { return tc.env[k] })
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%v %v: got %v, want an error naming %s", tc.args, tc.env, err, tc.err)
		}
	}
	c, err := app.ParseConfig(nil, func(k string) string {
		return map[string]string{"TANDEM_WORKERS": "off", "TANDEM_DEMO": "yes", "TANDEM_DRAIN_DELAY": "10s"}[k]
	})
	if err != nil || c.Workers || !c.Demo || c.DrainDelay.String() != "10s" {
		t.Fatalf("good values: %+v, %v", c, err)
	}
}
