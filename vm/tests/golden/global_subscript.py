TABLE = [1, 2, 3]


def f(i, key, obj):
    a = TABLE[i % 3]
    b = TABLE[key]
    c = TABLE[obj.x]
    return a + b + c
