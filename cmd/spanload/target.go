package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// errNotLoopback is returned for any target outside this machine: the tool
// is a load generator, and pointing it at someone else's server is an attack.
var errNotLoopback = errors.New("target is not a loopback address " +
	"(127.0.0.0/8, ::1 or localhost); spanload only loads servers on this machine")

// checkTarget parses a ws:// or http:// URL (or their TLS forms) and
// reports an error unless its host is loopback.
func checkTarget(raw string, schemes ...string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("target %q: %w", raw, err)
	}
	if !containsFold(schemes, u.Scheme) {
		return nil, fmt.Errorf("target %q: scheme %q, want one of %s", raw, u.Scheme,
			strings.Join(schemes, ", "))
	}
	if !loopbackHost(u.Hostname()) {
		return nil, fmt.Errorf("target %q: %w", raw, errNotLoopback)
	}
	return u, nil
}

// loopbackHost reports whether host (without port or brackets) names this
// machine: an address in 127.0.0.0/8 or ::1, or the name localhost. Other
// names are refused rather than resolved, since a name's address can change
// between the check and the dial.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Zone() == "" && ip.Unmap().IsLoopback()
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// loopbackClient returns an HTTP client that never uses a proxy and whose
// dialer refuses, after name resolution, any address that is not loopback:
// the last line of defence should localhost resolve elsewhere.
func loopbackClient() *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: refuseRemote}
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         d.DialContext,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     30 * time.Second,
	}
	return &http.Client{Transport: tr}
}

// refuseRemote is a net.Dialer Control hook; address is the resolved
// ip:port about to be dialed.
func refuseRemote(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if !ap.Addr().Unmap().IsLoopback() {
		return fmt.Errorf("dial %s: %w", address, errNotLoopback)
	}
	return nil
}
