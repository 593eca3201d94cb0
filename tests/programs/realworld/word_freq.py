# Word frequency report over an embedded text.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
def words(text):
    cleaned = "".join(c.lower() if c.isalpha() else " " for c in text)
    return cleaned.split()
counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(f"{len(words(TEXT))} words, {len(counts)} distinct")
for word, n in ranked[:10]:
    print(f"{word:<12}{n:>3} {'#' * n}")
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
print("longest:", max(counts, key=lambda w: (len(w), w)))
