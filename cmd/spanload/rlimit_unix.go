//go:build unix

package main

import (
	"fmt"
	"syscall"
)

// checkFiles reports an error when the process may not open n files: each
// session holds one socket. The Go runtime already raises the soft limit
// to the hard one at start-up, so only a low hard limit fails here.
func checkFiles(n int) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return nil // cannot tell; let the dials report it
	}
	const spare = 32 // stdio, the prompts file, the warm-up session, the runtime
	if uint64(lim.Cur) < uint64(n+spare) {
		return fmt.Errorf("open-file limit %d is below the %d this run needs; "+
			"raise it (ulimit -n %d) or run fewer -sessions", lim.Cur, n+spare, n+spare)
	}
	return nil
}
