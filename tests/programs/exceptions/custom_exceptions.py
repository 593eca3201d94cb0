# User-defined exceptions with state, inheritance, and custom __str__.
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
class NotFound(AppError):
    def __init__(self, what):
        self.what = what
    def __str__(self):
        return f"{self.what} not found"
def validate(user):
    if "name" not in user:
        raise NotFound("name")
    if len(user["name"]) < 3:
        raise ValidationError("name", "too short")
    return "ok"
for u in [{"name": "alice"}, {"name": "al"}, {}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("validation", e.field, e, e.args)
    except AppError as e:
        print("app error", type(e).__name__, e, e.args)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(str(WithDefault()), str(WithDefault("given")), repr(WithDefault()))
class Code(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise Code(404)
except Code as c:
    print(c.code, c.args, str(c))
class Multi(KeyError, ValueError):
    pass
try:
    raise Multi("m")
except ValueError as e:
    print("caught as ValueError", repr(e))
