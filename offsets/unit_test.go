package offsets_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/spanstream/spanstream/offsets"
)

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in      string
		want    offsets.Unit
		wantErr bool
	}{
		{"", offsets.UTF16, false},
		{"utf-16", offsets.UTF16, false},
		{"utf16", offsets.UTF16, false},
		{"UTF-16", offsets.UTF16, false},
		{"utf-8", offsets.UTF8, false},
		{" utf8 ", offsets.UTF8, false},
		{"codepoint", offsets.CodePoint, false},
		{"code-point", offsets.CodePoint, false},
		{"codepoints", offsets.CodePoint, false},
		{"utf-32", 0, true},
		{"bytes", 0, true},
	}
	for _, tt := range tests {
		got, err := offsets.ParseUnit(tt.in)
		if tt.wantErr {
			if !errors.Is(err, offsets.ErrUnknownUnit) {
				t.Errorf("ParseUnit(%q): got error %v, want ErrUnknownUnit", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseUnit(%q) = %v, %v; want %v, nil", tt.in, got, err, tt.want)
		}
	}
}

func TestUnitString(t *testing.T) {
	want := map[offsets.Unit]string{
		offsets.UTF16: "utf-16", offsets.UTF8: "utf-8", offsets.CodePoint: "codepoint",
	}
	for u, name := range want {
		if got := u.String(); got != name {
			t.Errorf("Unit(%d).String() = %q, want %q", int(u), got, name)
		}
		if back, err := offsets.ParseUnit(name); err != nil || back != u {
			t.Errorf("ParseUnit(%q) = %v, %v; want %v", name, back, err, u)
		}
	}
	var zero offsets.Unit
	if zero != offsets.UTF16 {
		t.Errorf("zero Unit is %v, want utf-16", zero)
	}
}

func TestLen(t *testing.T) {
	tests := []struct {
		name                string
		s                   string
		utf16, utf8, points int
	}{
		{"empty", "", 0, 0, 0},
		{"ascii", "abc", 3, 3, 3},
		{"two-byte", "é", 1, 2, 1},
		{"decomposed", "e\u0301", 2, 3, 2},
		{"astral", "a😀b", 4, 6, 3},
		{"flag", "🇫🇷", 4, 8, 2},
		{"invalid byte", "a\xffb", 3, 3, 3},
		{"truncated sequence", "\xe2\x82", 2, 2, 2},
	}
	for _, tt := range tests {
		for u, want := range map[offsets.Unit]int{
			offsets.UTF16: tt.utf16, offsets.UTF8: tt.utf8, offsets.CodePoint: tt.points,
		} {
			if got := offsets.Len(tt.s, u); got != want {
				t.Errorf("%s: Len(%q, %v) = %d, want %d", tt.name, tt.s, u, got, want)
			}
		}
	}
}

func TestToByte(t *testing.T) {
	const s = "a😀é\u0301b" // bytes: a=0 😀=1..5 é=5..7 U+0301=7..9 b=9..10
	tests := []struct {
		u       offsets.Unit
		n, want int
		wantErr error
	}{
		{offsets.UTF16, 0, 0, nil},
		{offsets.UTF16, 1, 1, nil},
		{offsets.UTF16, 2, 0, offsets.ErrSplit}, // between the surrogates of 😀
		{offsets.UTF16, 3, 5, nil},
		{offsets.UTF16, 4, 7, nil},
		{offsets.UTF16, 6, 10, nil},
		{offsets.UTF16, 7, 0, offsets.ErrOutOfRange},
		{offsets.UTF16, -1, 0, offsets.ErrOutOfRange},
		{offsets.CodePoint, 2, 5, nil},
		{offsets.CodePoint, 5, 10, nil},
		{offsets.CodePoint, 6, 0, offsets.ErrOutOfRange},
		{offsets.UTF8, 5, 5, nil},
		{offsets.UTF8, 2, 0, offsets.ErrSplit},
		{offsets.UTF8, 6, 0, offsets.ErrSplit},
		{offsets.UTF8, 10, 10, nil},
		{offsets.UTF8, 11, 0, offsets.ErrOutOfRange},
		{offsets.UTF8, -1, 0, offsets.ErrOutOfRange},
	}
	for _, tt := range tests {
		got, err := offsets.ToByte(s, tt.u, tt.n)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("ToByte(%v, %d): got %d, %v; want error %v",
					tt.u, tt.n, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ToByte(%v, %d) = %d, %v; want %d", tt.u, tt.n, got, err, tt.want)
		}
	}
}

func TestFromBytes(t *testing.T) {
	const s = "a😀é\u0301b"
	tests := []struct {
		name string
		u    offsets.Unit
		in   []int
		want []int
	}{
		{"utf-16 sorted", offsets.UTF16, []int{0, 1, 5, 7, 9, 10}, []int{0, 1, 3, 4, 5, 6}},
		{"utf-16 unsorted", offsets.UTF16, []int{10, 0, 7, 1, 7}, []int{6, 0, 4, 1, 4}},
		{"code points", offsets.CodePoint, []int{9, 5, 1}, []int{4, 2, 1}},
		{"utf-8 identity", offsets.UTF8, []int{5, 0, 10}, []int{5, 0, 10}},
		{"inside a rune rounds down", offsets.UTF16, []int{3, 6}, []int{1, 3}},
		{"utf-8 inside a rune", offsets.UTF8, []int{3, 8}, []int{1, 7}},
		{"clamped", offsets.UTF16, []int{-4, 99}, []int{0, 6}},
		{"empty", offsets.UTF16, nil, nil},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		offsets.FromBytes(s, tt.u, got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: FromBytes(%v, %v) = %v, want %v", tt.name, tt.u, tt.in, got, tt.want)
		}
	}
}

func TestToBytes(t *testing.T) {
	const s = "a😀é\u0301b"
	tests := []struct {
		name    string
		u       offsets.Unit
		in      []int
		want    []int
		wantErr error
	}{
		{"utf-16 unsorted", offsets.UTF16, []int{6, 0, 3, 3, 1}, []int{10, 0, 5, 5, 1}, nil},
		{"code points", offsets.CodePoint, []int{2, 4}, []int{5, 9}, nil},
		{"utf-8", offsets.UTF8, []int{9, 1}, []int{9, 1}, nil},
		{"split surrogate", offsets.UTF16, []int{1, 2}, nil, offsets.ErrSplit},
		{"past the end", offsets.UTF16, []int{7, 0}, nil, offsets.ErrOutOfRange},
		{"negative", offsets.CodePoint, []int{-1}, nil, offsets.ErrOutOfRange},
		{"utf-8 split", offsets.UTF8, []int{0, 3}, nil, offsets.ErrSplit},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		err := offsets.ToBytes(s, tt.u, got)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("%s: ToBytes got error %v, want %v", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: ToBytes(%v) = %v, %v; want %v", tt.name, tt.in, got, err, tt.want)
		}
	}
}

func TestInvalidUnitPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Len with Unit(7) did not panic, want a panic")
		}
	}()
	offsets.Len("abc", offsets.Unit(7))
}
