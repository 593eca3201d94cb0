class Parser:
    def __init__(self, text):
        self.text = text
    def number(self):
        return int(self.text)
for t in ["1", "22", "x3"]:
    print(Parser(t).number() * 2)
