package storage

import (
	"fmt"
	"strings"
)

// ContentDisposition is a Content-Disposition of the given type ("attachment" or
// "inline") naming the file: an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 8187).
// Control characters in name are replaced in the fallback and escaped in the UTF-8 form.
func ContentDisposition(disposition, name string) string {
	var fallback, enc strings.Builder
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			fallback.WriteByte('_')
		} else {
			fallback.WriteRune(r)
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			enc.WriteByte(c)
		} else {
			fmt.Fprintf(&enc, "%%%02X", c)
		}
	}
	return disposition + `; filename="` + fallback.String() + `"; filename*=UTF-8''` + enc.String()
}
