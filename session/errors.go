package session

import (
	"errors"
	"strconv"
)

var (
	errMissingField = errors.New("a change needs start, end and text")
	errReversed     = errors.New("end is before start")
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
