# Shadowing builtins at module, function and class level; the builtins module.
import builtins
def uses_len(s):
    return len(s)
print(uses_len("abc"))
len = lambda s: -1
print(uses_len("abc"), builtins.len("abc"))
del len
print(uses_len("abc"))
def local_shadow():
    max = "local max"
    return max
print(local_shadow(), max(1, 2))
class K:
    list = "class attr"
    def m(self):
        return list("ab")
print(K.list, K().m())
print(type(builtins.print).__name__, builtins.abs(-3), hasattr(builtins, "sorted"))
