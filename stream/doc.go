// Package stream turns a document into labeled spans: the built-in labeler
// that needs no network, and the model labeler that decodes a language
// model's streamed answer into spans as it arrives.
//
// Every labeler reports spans in Go byte offsets of the text it was given;
// converting to the unit a client asked for is the caller's job (see package
// offsets).
//
// Every labeler settles its candidate spans with Resolve (overlaps conflict
// only within one parent); Filter applies a client's confidence floor and
// span limit to a result.
package stream
