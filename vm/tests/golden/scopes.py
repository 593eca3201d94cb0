counter = 0

def bump():
    global counter
    counter += 1
    del counter

def cells():
    v = 1
    def read():
        return v
    del v
    return read

class Config:
    name = "c"
    def show(self):
        return name
