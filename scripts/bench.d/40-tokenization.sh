#!/usr/bin/env bash
# tokenization: byte-level BPE training on ~1 MB of mixed English and Chinese
# text to a vocabulary of 1024 (768 merges), as `lectern reference
# tokenization/train --time` reports it (compute seconds inside the Engine),
# beside the naive recount twin. The text is built from the course's own story
# (Content/tokenization/sample.txt): its sentences shuffled with a fixed seed,
# a few words and numbers swapped per sentence.
#
# The naive recount (count every pair, merge, repeat) would take minutes for
# 768 merges, so it runs a few merges on the same text and its time per merge
# is multiplied by 768: an extrapolation, labelled as one. Both trainers also
# run in one small program compiled from the Engine sources, so the speedup is
# measured in a single process on the same input.
set -euo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The text generator is a small Swift program (no Python needed), seeded.
cat > "$work/gen.swift" <<'SWIFT'
import Foundation
var state: UInt64 = 2019
func next() -> UInt64 {   // SplitMix64
    state &+= 0x9E3779B97F4A7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
    z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
    return z ^ (z >> 31)
}
func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
let src = try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
let lines = src.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
var en: [String] = [], zh: [String] = []
for line in lines {
    if line.allSatisfy(\.isASCII) {
        var current = ""
        for ch in line {
            current.append(ch)
            if ".!?\"".contains(ch) { let t = current.trimmingCharacters(in: .whitespaces); if !t.isEmpty { en.append(t) }; current = "" }
        }
        let t = current.trimmingCharacters(in: .whitespaces); if !t.isEmpty { en.append(t) }
    } else {
        var current = ""
        for ch in line {
            current.append(ch)
            if "。！？”".contains(ch) { zh.append(current); current = "" }
        }
    }
}
let words = Array(Set(src.split(whereSeparator: { !$0.isASCII || !$0.isLetter }).map(String.init))).sorted()
var out = "", size = 0
while size < 1_000_000 {
    var para: String
    if unit() < 0.6 {
        var ws = en[below(en.count)].split(separator: " ").map(String.init)
        for _ in 0..<below(4) { ws[below(ws.count)] = unit() < 0.7 ? words[below(words.count)] : String(below(100_000)) }
        para = ws.joined(separator: " ") + [" ", " ", "\n"][below(3)]
    } else {
        var s = Array(zh[below(zh.count)])
        if s.count > 4 && unit() < 0.5 { s.swapAt(below(s.count - 1), below(s.count - 1)) }
        para = String(s) + ["", "\n"][below(2)]
    }
    out += para; size += para.utf8.count
}
let dir = CommandLine.arguments[2]
try! out.write(toFile: dir + "/text.txt", atomically: true, encoding: .utf8)
func json(_ v: Any) -> Data { try! JSONSerialization.data(withJSONObject: v) }
try! json([["text": out, "vocabSize": 1024]]).write(to: URL(fileURLWithPath: dir + "/train.json"))
try! json([["text": out]]).write(to: URL(fileURLWithPath: dir + "/split.json"))
SWIFT
swiftc -O -o "$work/gen" "$work/gen.swift" 2>/dev/null
"$work/gen" Content/tokenization/sample.txt "$work"
bytes=$(wc -c < "$work/text.txt")

seconds() {   # exercise, input file → compute-seconds
  "$LECTERN" reference "$1" --input "$2" --time 2>&1 >/dev/null | grep -o 'compute-seconds: [0-9.]*' | grep -o '[0-9.]*$'
}
printf '   text: %d bytes of English and Chinese, vocabulary 1024 (768 merges)\n' "$bytes"
printf '   %-52s %8.3f s\n' "lectern reference tokenization/pretokenize" "$(seconds tokenization/pretokenize "$work/split.json")"
printf '   %-52s %8.3f s\n' "lectern reference tokenization/train" "$(seconds tokenization/train "$work/train.json")"
printf '   %-52s %8.3f s\n' "lectern reference tokenization/train-regex" "$(seconds tokenization/train-regex "$work/train.json")"

# Fast and naive in one process, on the same text.
cat > "$work/main.swift" <<'SWIFT'
import Foundation
let text = try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
let naiveMerges = Int(CommandLine.arguments[2])!
func time(_ body: () -> Void) -> Double {
    let t = ContinuousClock.now; body(); let d = ContinuousClock.now - t
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
var fast: [TokenPair] = [], naive: [TokenPair] = []
let tFast = time { fast = FastBPETrainer.train(text: text, vocabSize: 1024) }
let tNaive = time { naive = NaiveBPETrainer.train(text: text, vocabSize: 256 + naiveMerges) }
let agree = Array(fast.prefix(naiveMerges)) == naive
let perMerge = tNaive / Double(naiveMerges)
func row(_ label: String, _ value: String) {
    print("   " + label.padding(toLength: 52, withPad: " ", startingAt: 0) + " " + value)
}
row("fast trainer, 768 merges (in-process)", String(format: "%8.3f s", tFast))
row("naive recount, \(naiveMerges) merges (measured)", String(format: "%8.3f s", tNaive))
row("naive recount, 768 merges (EXTRAPOLATED x\(768 / naiveMerges))", String(format: "%8.1f s", perMerge * 768))
row("speedup, extrapolated naive / fast", String(format: "%8.0fx", perMerge * 768 / tFast))
print("   first \(naiveMerges) merges identical: \(agree ? "yes" : "NO")")
SWIFT
if swiftc -O Sources/Engine/Tokenization/*.swift "$work/main.swift" -o "$work/bpe" 2>"$work/swiftc.log"; then
  "$work/bpe" "$work/text.txt" 24
else
  echo "   (could not compile the in-process comparison; see swiftc output)"; cat "$work/swiftc.log"; exit 1
fi

# Optional: HuggingFace tokenizers, only if it is already installed (never installed here).
if python3 -c "import tokenizers" 2>/dev/null; then
  python3 - "$work/text.txt" <<'PY'
import sys, time
from tokenizers import Tokenizer, models, trainers, pre_tokenizers
text = open(sys.argv[1], encoding="utf-8").read()
tok = Tokenizer(models.BPE())
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
trainer = trainers.BpeTrainer(vocab_size=1024, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
t = time.perf_counter(); tok.train_from_iterator([text], trainer=trainer); d = time.perf_counter() - t
print("   %-52s %8.3f s" % ("HuggingFace tokenizers BpeTrainer (byte-level, regex)", d))
PY
fi
