// Package offsets converts text offsets between the units clients use on the
// wire and Go byte offsets, and finds span texts in a document.
//
// # Units
//
// Inside spanstream every offset is a Go byte offset into the UTF-8 text. On
// the wire a client picks a Unit: UTF-16 code units (the default, what
// JavaScript strings index), UTF-8 bytes, or Unicode code points. FromBytes and
// ToBytes convert any number of offsets of one text in a single pass over it.
//
// # Locating span texts
//
// The model labeler returns the text of each span but not its offsets. A
// Locator finds such a text in the document, trying three tiers in order and
// stopping at the first that has a usable occurrence:
//
//  1. Exact: the text occurs byte for byte.
//  2. Normalized: both sides are rewritten before searching. Text is put in
//     NFC, so a decomposed "é" (e + U+0301) matches a composed one; curly
//     quotes, primes and guillemets become ' and "; hyphen, en dash, em dash,
//     minus and their variants become -; "…" becomes "..."; every run of
//     whitespace (spaces, tabs, newlines, CRLF, no-break and other Unicode
//     spaces) becomes one space, and the text's own leading and trailing
//     whitespace is ignored; invisible format characters (soft hyphen,
//     zero-width space, word joiner, direction marks, BOM) are dropped; and
//     markdown emphasis markers (runs of * and _) are dropped, on either side,
//     unless a letter or digit touches them on both sides (snake_case).
//  3. Folded: as Normalized, with full Unicode case folding as well, and a
//     combining dot above dropped after i and j, which already carry a dot:
//     "İ" folds to "i̇", which must match the "i" many lowercasers give.
//
// Whatever the tier, the result is a range of the source document: the
// rewritten views keep a map back to the source, so a match covers whole
// source characters (all of a decomposed "é", all of the "\r\n" a space stood
// for) and markdown markers only where they fall inside the match, never
// dangling at its edges. Case folding may change lengths ("ß" folds to "ss",
// "İ" to "i" plus a combining dot) without shifting any offset; a match that
// would cover only part of such a character is rejected.
//
// There is deliberately no fuzzy matching (edit distance, stemming, accent
// stripping): a wrong range is worse than none, so "red car" must never match
// "red cart". To that end a text that starts (ends) with a letter or digit
// only matches where a word starts (ends) in the document: "café" does not
// match inside "cafés", but "dog" matches in "dog's" and "red" in "**red**".
// Letters of scripts written without spaces (Chinese, Japanese, Thai, ...)
// count as words of their own. A match must also start and end on grapheme
// cluster boundaries of the document, so it never splits a surrogate pair, a
// combining sequence, a flag or a ZWJ emoji sequence; such an occurrence is
// skipped for the next one.
//
// When a text occurs several times, the occurrence nearest to the caller's
// hint wins, ties going to the earlier one, and each Find claims its range so
// that a later Find of the same text gets another occurrence.
package offsets
