# Counting words with dicts and sets over a deterministic pseudo-random text.
def make_text(n, seed):
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "pe", "du"]
    words = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        k = 1 + (x >> 16) % 3
        w = ""
        for j in range(k):
            w += syllables[(x >> (4 * j)) % 10]
        words.append(w)
    return " ".join(words)


def count(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


text = make_text(650000, 42)
counts = count(text)
seen = set()
for w in text.split():
    if len(w) == 4:
        seen.add(w)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), len(seen), top)
print(sum(counts.values()), len(seen & set(counts)), len(set(counts) - seen))
