package offsets

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Unit is the unit in which a client counts offsets into a text on the wire.
// The zero value is UTF16, the unit JavaScript strings (and so browsers) index.
//
// Invalid UTF-8 in a text counts as one U+FFFD replacement character per bad
// byte in every unit, which is how encoding/json sends such a text to clients.
type Unit int

const (
	// UTF16 counts UTF-16 code units: a character outside the Basic
	// Multilingual Plane (most emoji) counts two. It is the default.
	UTF16 Unit = iota
	// UTF8 counts bytes of the UTF-8 encoding, the unit Go strings use.
	UTF8
	// CodePoint counts Unicode code points, the unit of Python strings.
	CodePoint
)

var (
	// ErrOutOfRange reports an offset below zero or past the end of the text.
	ErrOutOfRange = errors.New("offsets: offset out of range")
	// ErrSplit reports an offset that falls inside one character, such as
	// between the two halves of a UTF-16 surrogate pair or inside a multi-byte
	// UTF-8 sequence.
	ErrSplit = errors.New("offsets: offset splits a character")
	// ErrUnknownUnit reports a unit name that ParseUnit does not know.
	ErrUnknownUnit = errors.New("offsets: unknown unit")
)

// ParseUnit parses a unit name as clients send it, ignoring case and
// surrounding spaces: "utf-16" (or "utf16"), "utf-8" ("utf8") and "codepoint"
// ("code-point", "codepoints"). The empty string means the default, UTF16.
// Any other name yields an error wrapping ErrUnknownUnit.
func ParseUnit(s string) (Unit, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "utf-16", "utf16":
		return UTF16, nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "codepoint", "code-point", "codepoints", "code-points":
		return CodePoint, nil
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownUnit, s)
}

// String returns the canonical name of u as ParseUnit accepts it: "utf-16",
// "utf-8" or "codepoint".
func (u Unit) String() string {
	switch u {
	case UTF16:
		return "utf-16"
	case UTF8:
		return "utf-8"
	case CodePoint:
		return "codepoint"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// valid panics on a Unit that is none of the constants: that is a programming
// error (wire input goes through ParseUnit), and a wrong count would silently
// corrupt every span sent afterwards.
func (u Unit) valid() {
	if u < UTF16 || u > CodePoint {
		panic("offsets: invalid " + u.String())
	}
}

// Len returns the length of s in unit u. It panics if u is not one of the
// Unit constants.
func Len(s string, u Unit) int {
	u.valid()
	switch u {
	case UTF8:
		return len(s)
	case CodePoint:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// ToByte converts offset n of s in unit u to a byte offset, walking s once up
// to n. It returns an error wrapping ErrOutOfRange when n < 0 or n > Len(s, u),
// and one wrapping ErrSplit when n falls inside one character (between the two
// halves of a surrogate pair, or inside a multi-byte UTF-8 sequence). To
// convert many offsets of one text, use ToBytes, which walks s only once.
func ToByte(s string, u Unit, n int) (int, error) {
	u.valid()
	if u == UTF8 {
		return utf8ToByte(s, n)
	}
	if n < 0 {
		return 0, outOfRange(s, u, n)
	}
	w := walker{s: s, u: u}
	return w.seekUnit(n)
}

// ToBytes converts offsets of s from unit u to byte offsets in place, in one
// pass over s whatever their number or order. On error (see ToByte) it stops
// and the contents of offs are unspecified.
func ToBytes(s string, u Unit, offs []int) error {
	u.valid()
	if u == UTF8 {
		for i, n := range offs {
			if _, err := utf8ToByte(s, n); err != nil {
				return err
			}
			offs[i] = n
		}
		return nil
	}
	w := walker{s: s, u: u}
	return inOrder(offs, func(n int) (int, error) {
		if n < 0 {
			return 0, outOfRange(s, u, n)
		}
		return w.seekUnit(n)
	})
}

// FromBytes converts byte offsets of s to unit u in place, in one pass over s
// whatever their number or order; it allocates only when offs is not sorted.
// Each offset should lie on a rune boundary of s: one inside a multi-byte
// character is rounded down to the start of that character, and one outside
// [0, len(s)] is clamped, so FromBytes never fails.
func FromBytes(s string, u Unit, offs []int) {
	u.valid()
	for i, b := range offs {
		offs[i] = runeFloor(s, min(max(b, 0), len(s)))
	}
	if u == UTF8 {
		return
	}
	w := walker{s: s, u: u}
	_ = inOrder(offs, func(b int) (int, error) { return w.seekByte(b), nil })
}

// inOrder replaces each element of offs with conv of it, calling conv in
// ascending order of the elements so that conv can walk a text forward once.
func inOrder(offs []int, conv func(int) (int, error)) error {
	if slices.IsSorted(offs) {
		for i, v := range offs {
			r, err := conv(v)
			if err != nil {
				return err
			}
			offs[i] = r
		}
		return nil
	}

	idx := make([]int, len(offs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(offs[a], offs[b]) })
	for _, i := range idx {
		r, err := conv(offs[i])
		if err != nil {
			return err
		}
		offs[i] = r
	}
	return nil
}

// utf8ToByte validates byte offset n of s.
func utf8ToByte(s string, n int) (int, error) {
	if n < 0 || n > len(s) {
		return 0, outOfRange(s, UTF8, n)
	}
	if !runeBoundary(s, n) {
		return 0, fmt.Errorf("%w: utf-8 offset %d is inside a multi-byte character", ErrSplit, n)
	}
	return n, nil
}

func outOfRange(s string, u Unit, n int) error {
	return fmt.Errorf("%w: %s offset %d, text length %d", ErrOutOfRange, u, n, Len(s, u))
}

// runeBoundary reports whether byte offset p (0 <= p <= len(s)) lies between two
// runes of s as a range loop splits it, invalid bytes being one rune each. It
// looks at no more than utf8.UTFMax bytes.
func runeBoundary(s string, p int) bool {
	if p <= 0 || p >= len(s) || s[p] < utf8.RuneSelf {
		return true
	}
	// Only a valid sequence can cover more than one byte, and a valid sequence
	// starts with a lead byte that no earlier sequence can contain, so the
	// first covering candidate found decides.
	for j := p - 1; j >= 0 && j > p-utf8.UTFMax; j-- {
		if _, size := utf8.DecodeRuneInString(s[j:]); j+size > p {
			return false
		}
	}
	return true
}

// runeFloor moves p back to the start of the rune containing it.
func runeFloor(s string, p int) int {
	for !runeBoundary(s, p) {
		p--
	}
	return p
}

// walker walks a text forward once, keeping a byte offset and the same offset
// counted in its unit, so that many conversions share one pass.
type walker struct {
	s     string
	u     Unit
	pos   int // byte offset reached
	units int // pos counted in u
}

// width returns the byte size of the rune at w.pos and its length in w.u.
func (w *walker) width() (size, units int) {
	r, size := utf8.DecodeRuneInString(w.s[w.pos:])
	switch {
	case w.u == UTF8:
		return size, size
	case w.u == UTF16 && r > 0xFFFF:
		return size, 2
	}
	return size, 1
}

// seekByte advances to byte offset b, a rune boundary at or after w.pos, and
// returns it counted in w.u.
func (w *walker) seekByte(b int) int {
	for w.pos < b {
		if w.s[w.pos] < utf8.RuneSelf {
			w.pos++
			w.units++
			continue
		}
		size, n := w.width()
		w.pos += size
		w.units += n
	}
	return w.units
}

// seekUnit advances to offset n in w.u, at or after w.units, and returns it as
// a byte offset.
func (w *walker) seekUnit(n int) (int, error) {
	for w.units < n {
		if w.pos == len(w.s) {
			return 0, outOfRange(w.s, w.u, n)
		}
		if w.s[w.pos] < utf8.RuneSelf {
			w.pos++
			w.units++
			continue
		}
		size, k := w.width()
		if w.units+k > n {
			return 0, fmt.Errorf("%w: %s offset %d is inside the character at byte %d",
				ErrSplit, w.u, n, w.pos)
		}
		w.pos += size
		w.units += k
	}
	return w.pos, nil
}
