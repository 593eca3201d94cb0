"""Module docstring."""
from typing import Any
limit: int = 10
label: str
assert limit > 0, "positive"
assert limit
if __name__ == "__main__":
    print(__debug__)
