// Package session runs one editor's WebSocket connection: it holds the
// document and its versions, applies edits, debounces, labels the latest
// version through a cache, and streams spans back. The wire contract is
// docs/PROTOCOL.md.
//
// # Goroutines
//
// Each connection has a reader (the goroutine that called ServeHTTP), which
// alone applies messages in order and owns the document; a writer, which
// alone writes frames from a bounded queue; a pinger; and at most one
// labeling job. The reader starts a job for each new version and, before
// starting the next, cancels the old one and waits for it, so no frame of an
// old version follows its cancelled frame. When the connection ends, the
// reader stops the job, cancels the connection's context and joins the
// writer and the pinger. A connection's context derives from the Server,
// never from the HTTP request; Shutdown ends them all.
package session
