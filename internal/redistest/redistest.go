// Package redistest starts and reaches Redis servers for tests: the shared
// one on 127.0.0.1:6379 under a key prefix of the test's own, private
// redis-server processes that a test may kill, and a silent server that
// accepts connections and never answers. Only tests import it.
package redistest

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Addr is the shared Redis the integration tests use.
const Addr = "127.0.0.1:6379"

// HangGuard bounds how long a single cache call may block in a test before
// the test gives up. It only detects hangs; it is not a speed requirement.
const HangGuard = 10 * time.Second

// Require returns a raw client for the local Redis, or skips the test
// when it does not answer a PING within a second (fails instead under CI).
func Require(t testing.TB) *redis.Client {
	t.Helper()
	raw := redis.NewClient(&redis.Options{Addr: Addr, MaxRetries: -1,
		DialTimeout: time.Second, DialerRetries: 1})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := raw.Ping(ctx).Err(); err != nil {
		_ = raw.Close()
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis not reachable on %s: %v", Addr, err)
		}
		t.Skipf("redis not reachable on %s: %v", Addr, err)
	}
	t.Cleanup(func() { _ = raw.Close() })
	return raw
}

// Prefix returns a key prefix unique to this test run and deletes every
// key under it when the test ends.
func Prefix(t testing.TB, raw *redis.Client) string {
	t.Helper()
	var b [6]byte
	_, _ = rand.Read(b[:])
	prefix := "spanstream-test:" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		iter := raw.Scan(ctx, 0, prefix+"*", 100).Iterator()
		for iter.Next(ctx) {
			raw.Del(ctx, iter.Val())
		}
		if err := iter.Err(); err != nil {
			t.Errorf("clean up keys %s*: %v", prefix, err)
		}
	})
	return prefix
}

// FreePort returns a loopback port that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	return port
}

// Server is a redis-server child process on a loopback port.
type Server struct {
	port    int
	cmd     *exec.Cmd
	drained chan struct{} // closed when the process's output has ended
}

// StartServer starts redis-server on port without persistence and
// returns once it accepts connections. The test stops it at cleanup.
func StartServer(t *testing.T, port int) *Server {
	t.Helper()
	cmd := exec.Command("redis-server", "--port", strconv.Itoa(port),
		"--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--daemonize", "no", "--logfile", "")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	s := &Server{port: port, cmd: cmd, drained: make(chan struct{})}
	t.Cleanup(s.Stop)

	lines := bufio.NewScanner(out)
	var log strings.Builder
	for lines.Scan() {
		log.WriteString(lines.Text() + "\n")
		if strings.Contains(lines.Text(), "Ready to accept connections") {
			go func() {
				defer close(s.drained)
				_, _ = io.Copy(io.Discard, out)
			}()
			return s
		}
	}
	close(s.drained)
	t.Fatalf("redis-server on port %d exited before it was ready:\n%s", port, log.String())
	return nil
}

// Stop kills the server and waits for it; calling it again does nothing.
func (s *Server) Stop() {
	if s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.drained
	_ = s.cmd.Wait()
}

// Silent accepts TCP connections on loopback and never answers, like
// a Redis that hangs.
type Silent struct {
	ln net.Listener
	wg sync.WaitGroup

	mu     sync.Mutex // guards conns and closed
	conns  []net.Conn
	closed bool
}

// StartSilent starts a Silent server on a loopback port; the test closes
// it at cleanup.
func StartSilent(t testing.TB) *Silent {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	s := &Silent{ln: ln}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(s.Close)
	return s
}

// Addr returns the server's host:port.
func (s *Silent) Addr() string { return s.ln.Addr().String() }

func (s *Silent) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			_ = c.Close()
			return
		}
		s.conns = append(s.conns, c)
		s.wg.Add(1)
		s.mu.Unlock()
		go func() {
			defer s.wg.Done()
			_, _ = io.Copy(io.Discard, c) // read requests, answer nothing
		}()
	}
}

// Close stops accepting, drops every connection and waits for them.
func (s *Silent) Close() {
	_ = s.ln.Close()
	s.mu.Lock()
	s.closed = true
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}
