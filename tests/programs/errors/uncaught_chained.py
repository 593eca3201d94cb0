# The last stderr line is the final exception of the chain.
def load():
    try:
        return {}["cfg"]
    except KeyError as e:
        raise RuntimeError("config missing") from e
print("loading")
load()
