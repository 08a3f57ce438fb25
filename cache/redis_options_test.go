package cache

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestNewClientSingle(t *testing.T) {
	tests := []struct {
		name      string
		opts      RedisOptions
		wantAddr  string
		wantDB    int
		wantRead  time.Duration
		wantDial  time.Duration
		wantRetry int // after go-redis normalizes it: 0 means no retries
		wantTLS   bool
	}{
		{"defaults", RedisOptions{}, "127.0.0.1:6379", 0, 50 * time.Millisecond,
			200 * time.Millisecond, 0, false},
		{"db in path", RedisOptions{URL: "redis://127.0.0.1:6380/2"}, "127.0.0.1:6380", 2,
			50 * time.Millisecond, 200 * time.Millisecond, 0, false},
		{"tls", RedisOptions{URL: "rediss://cache.example:6390"}, "cache.example:6390", 0,
			50 * time.Millisecond, 200 * time.Millisecond, 0, true},
		{"url timeouts kept", RedisOptions{URL: "redis://h/0?read_timeout=1s&max_retries=2"},
			"h:6379", 0, time.Second, 200 * time.Millisecond, 2, false},
		{"fields beat url", RedisOptions{URL: "redis://h?read_timeout=1s&dial_timeout=3s",
			ReadTimeout: 7 * time.Millisecond, DialTimeout: time.Second},
			"h:6379", 0, 7 * time.Millisecond, time.Second, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, timeout := mustNewClient(t, tt.opts)
			c, ok := client.(*redis.Client)
			if !ok {
				t.Fatalf("client is %T, want *redis.Client", client)
			}
			o := c.Options()
			got := []any{o.Addr, o.DB, o.ReadTimeout, o.DialTimeout, o.MaxRetries,
				o.TLSConfig != nil, o.ContextTimeoutEnabled}
			want := []any{tt.wantAddr, tt.wantDB, tt.wantRead, tt.wantDial, tt.wantRetry,
				tt.wantTLS, true}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("addr, db, read, dial, retries, tls, ctx timeouts = %v, want %v",
					got, want)
			}
			if wantOp := tt.wantDial + o.WriteTimeout + tt.wantRead; timeout != wantOp {
				t.Errorf("operation timeout = %v, want dial+write+read = %v", timeout, wantOp)
			}
		})
	}
}

func TestNewClientCluster(t *testing.T) {
	tests := []struct {
		name  string
		opts  RedisOptions
		addrs []string
	}{
		{"comma separated urls", RedisOptions{URL: "redis://a:7000,redis://b:7001"},
			[]string{"a:7000", "b:7001"}},
		{"url then host:port", RedisOptions{URL: "redis://a:7000, b:7001,c"},
			[]string{"a:7000", "b:7001", "c:6379"}},
		{"ipv6 node", RedisOptions{URL: "redis://a:7000,[::1]"},
			[]string{"a:7000", "[::1]:6379"}},
		{"addr parameter", RedisOptions{URL: "redis://a:7000?addr=b:7001"},
			[]string{"a:7000", "b:7001"}},
		{"forced cluster", RedisOptions{URL: "rediss://cfg.example:6379", Cluster: true},
			[]string{"cfg.example:6379"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, _ := mustNewClient(t, tt.opts)
			c, ok := client.(*redis.ClusterClient)
			if !ok {
				t.Fatalf("client is %T, want *redis.ClusterClient", client)
			}
			o := c.Options()
			if !reflect.DeepEqual(o.Addrs, tt.addrs) {
				t.Errorf("Addrs = %v, want %v", o.Addrs, tt.addrs)
			}
			if !o.ContextTimeoutEnabled || o.ReadTimeout != DefaultReadTimeout {
				t.Errorf("ContextTimeoutEnabled, ReadTimeout = %v, %v; want true, %v",
					o.ContextTimeoutEnabled, o.ReadTimeout, DefaultReadTimeout)
			}
		})
	}
}

func TestNewRedisRejectsBadURLs(t *testing.T) {
	tests := []string{
		"http://127.0.0.1:6379",
		"redis://127.0.0.1:6379/notadb",
		"redis://127.0.0.1:6379/?no_such_option=1",
		"redis://user:s3cret@127.0.0.1:6379/1/2",
		"redis://a:7000,user:s3cret@b:7001",
		"redis://a:7000,redis://user:s3cret@b:7001/x?y",
		"redis://a:7000,",
		"redis://user:s3cret@[::1:6379",
	}
	for _, url := range tests {
		t.Run(url, func(t *testing.T) {
			r, err := NewRedis(RedisOptions{URL: url})
			if err == nil {
				_ = r.Close()
				t.Fatalf("NewRedis(%q): got nil error, want one", url)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("error %q reveals the password", err)
			}
		})
	}
}

// mustNewClient builds a client (which connects lazily, so nothing is dialed)
// and closes it when the test ends.
func mustNewClient(t *testing.T, o RedisOptions) (redis.UniversalClient, time.Duration) {
	t.Helper()
	client, timeout, err := newClient(o.withDefaults())
	if err != nil {
		t.Fatalf("newClient(%q): %v", o.URL, err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return client, timeout
}

func FuzzNewRedis(f *testing.F) {
	for _, s := range []string{"", "redis://h:1/2", "rediss://u:p@h", "redis://a,b:2,[::1]",
		"redis://a?addr=b:1&pool_size=3", "unix:///tmp/r.sock", "redis://%zz"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, url string, cluster bool) {
		r, err := NewRedis(RedisOptions{URL: url, Cluster: cluster})
		if err != nil {
			return
		}
		if r.opTimeout <= 0 {
			t.Errorf("NewRedis(%q): operation timeout %v, want > 0", url, r.opTimeout)
		}
		_ = r.Close()
	})
}
