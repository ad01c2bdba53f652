// Decode ids back to text (lesson section "Decoding and invalid UTF-8").
// Token 256 + k stands for the bytes of merges[k][0] followed by those of
// merges[k][1]. Turn the bytes into text yourself: every maximal invalid
// subpart becomes one U+FFFD ("\u{FFFD}"), as Python's
// bytes.decode("utf-8", "replace") does.
// Edge cases: [] gives ""; [228, 189] (half of 你) gives "\u{FFFD}";
// [0xC0, 0x80] gives two U+FFFD.

func decodeBPE(ids: [Int], merges: [[Int]]) -> String {
    // TODO
    return ""
}
