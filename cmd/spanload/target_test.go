package main

import (
	"errors"
	"testing"
)

func TestCheckTargetAcceptsOnlyLoopback(t *testing.T) {
	tests := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1", true},
		{"127.0.0.2", true},
		{"127.255.255.254", true},
		{"[::1]", true},
		{"localhost", true},
		{"LocalHost", true},
		{"[::ffff:127.0.0.1]", true},
		{"10.0.0.1", false},
		{"192.168.1.10", false},
		{"0.0.0.0", false},
		{"[::]", false},
		{"[2001:db8::1]", false},
		{"[fe80::1%25lo]", false},
		{"example.com", false},
		{"localhost.example.com", false},
		{"127.0.0.1.nip.io", false},
		{"2130706433", false}, // 127.0.0.1 as one number: refused, not guessed
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			_, err := checkTarget("ws://"+tt.host+":8080/ws", "ws", "wss")
			if (err == nil) != tt.ok {
				t.Errorf("checkTarget(%q) = %v, want ok %v", tt.host, err, tt.ok)
			}
			if err != nil && tt.host != "" && !errors.Is(err, errNotLoopback) {
				t.Errorf("got %v, want errNotLoopback", err)
			}
		})
	}
}

func TestCheckTargetScheme(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"ws://127.0.0.1:8080/ws", true},
		{"WSS://127.0.0.1/ws", true},
		{"http://127.0.0.1:8080/ws", false},
		{"127.0.0.1:8080", false},
		{"ws://127.0.0.1:8080/%zz", false},
	}
	for _, tt := range tests {
		if _, err := checkTarget(tt.url, "ws", "wss"); (err == nil) != tt.ok {
			t.Errorf("checkTarget(%q) = %v, want ok %v", tt.url, err, tt.ok)
		}
	}
}

func TestRefuseRemoteChecksResolvedAddress(t *testing.T) {
	tests := []struct {
		address string
		ok      bool
	}{
		{"127.0.0.1:80", true},
		{"127.9.9.9:80", true},
		{"[::1]:443", true},
		{"10.0.0.1:80", false},
		{"[2001:db8::1]:80", false},
		{"93.184.216.34:443", false},
		{"not-an-address", false},
	}
	for _, tt := range tests {
		if err := refuseRemote("tcp", tt.address, nil); (err == nil) != tt.ok {
			t.Errorf("refuseRemote(%q) = %v, want ok %v", tt.address, err, tt.ok)
		}
	}
}
