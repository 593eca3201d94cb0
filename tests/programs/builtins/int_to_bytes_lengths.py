# int.to_bytes with bad lengths raises (a negative length used to crash the interpreter).
for a in ((-1,), (2**62,), (3,), (0,), (2, "little")):
    try:
        print((7).to_bytes(*a))
    except (ValueError, OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
