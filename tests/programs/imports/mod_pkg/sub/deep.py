from ..helpers import shout
def deep():
    return shout("deep")
