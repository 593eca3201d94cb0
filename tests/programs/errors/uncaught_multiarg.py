raise Exception("several", "args", 3)
