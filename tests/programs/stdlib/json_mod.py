# json: dumps/loads round trips, formatting options, errors.
import json
doc = {"name": "stmpy", "ok": True, "none": None, "n": [1, 2.5, -3], "nested": {"a": {"b": []}}, "s": "quote\" é"}
text = json.dumps(doc)
print(text)
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
print(json.loads(text) == doc, json.loads("[1, 2.0, \"x\", null, true]"), json.loads('{"a": {"b": 1}}')["a"]["b"])
print(json.dumps([1e100, 0.1, 2 ** 70, float("inf")]), json.dumps("\u2028\n\t"), json.dumps((1, 2)))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({1: "int key", "b": 2}), json.loads("  42 "), json.loads('"\\u00e9"'))
