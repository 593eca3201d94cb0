# decimal, numbers ABCs and contextvars.
from decimal import Decimal, localcontext, ROUND_HALF_UP, InvalidOperation, getcontext
import decimal
print(Decimal("1.10") + Decimal("2.205"), Decimal(0.1), Decimal(3).sqrt(), Decimal("12.345").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3))
print(Decimal("1") / Decimal("3"), repr(Decimal("3.14")), str(Decimal("1E+2")), Decimal("NaN"), Decimal("-Infinity"))
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
print(sorted([Decimal("2"), Decimal("1.5")]), Decimal("1.5") == 1.5, hash(Decimal("2")) == hash(2), int(Decimal("7.9")), float(Decimal("0.5")), f"{Decimal('3.14159'):.2f}")
print(Decimal("10") ** 3, divmod(Decimal(7), Decimal(2)), Decimal("1.000").normalize(), Decimal("-1.5").copy_abs(), getcontext().prec, type(Decimal(1)).__module__)
import numbers
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex), isinstance(Decimal(1), numbers.Number))
import contextvars
v = contextvars.ContextVar("v", default=1)
t = v.set(5); print(v.get()); v.reset(t); print(v.get())
