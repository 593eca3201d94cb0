# A tiny tokenizer, recursive-descent parser and evaluator for arithmetic with variables.
class Token:
    def __init__(self, kind, text):
        self.kind, self.text = kind, text
    def __repr__(self):
        return f"{self.kind}:{self.text}"
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(Token("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif c in "+-*/^()=":
            tokens.append(Token("op", c))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {c!r} at {i}")
    tokens.append(Token("end", ""))
    return tokens
class Parser:
    def __init__(self, tokens):
        self.t, self.p = tokens, 0
    def peek(self):
        return self.t[self.p]
    def take(self, text=None):
        tok = self.t[self.p]
        if text is not None and tok.text != text:
            raise SyntaxError(f"expected {text!r}, got {tok.text!r}")
        self.p += 1
        return tok
    def statement(self):
        if self.peek().kind == "name" and self.t[self.p + 1].text == "=":
            name = self.take().text
            self.take("=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            node = (self.take().text, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek().text in ("*", "/"):
            node = (self.take().text, node, self.factor())
        return node
    def factor(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return ("^", base, self.factor())
        return base
    def unary(self):
        if self.peek().text == "-":
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return ("num", float(tok.text) if "." in tok.text else int(tok.text))
        if tok.kind == "name":
            return ("var", tok.text)
        if tok.text == "(":
            node = self.expr()
            self.take(")")
            return node
        raise SyntaxError(f"unexpected {tok.text!r}")
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError(f"undefined variable {node[1]}")
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b, "^": lambda: a ** b}[kind]()
env = {}
program = ["x = 3", "y = x * (2 + 4)", "y - -x", "2 ^ 3 ^ 2", "z = y / 4", "z * 2.5", "q + 1", "1 / 0", "3 $ 4", "(1 + 2", "big = 2 ^ 100"]
print(tokenize("a1 = (3.5 + b) * 2"))
for line in program:
    try:
        print(f"{line:<18} => {evaluate(Parser(tokenize(line)).statement(), env)}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{line:<18} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
