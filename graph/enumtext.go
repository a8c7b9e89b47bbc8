package graph

import (
	"encoding/json"
	"sync"

	"tandem/frontend"
)

var enumText = sync.OnceValue(func() map[string]map[string]map[string]string {
	var labels map[string]map[string]map[string]string
	if err := json.Unmarshal(frontend.EnumLabels(), &labels); err != nil {
		panic("frontend/src/i18n/enums.json: " + err.Error())
	}
	return labels
})

// enumLabel says an enum value in the viewer's language, as the app does (the value
// itself when the app has no label for it).
func enumLabel[V ~string](lang, enum string, value V) string {
	if l, ok := enumText()[lang][enum][string(value)]; ok {
		return l
	}
	if l, ok := enumText()["en"][enum][string(value)]; ok {
		return l
	}
	return string(value)
}
