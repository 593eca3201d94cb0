# An exception escaping a thread prints "Exception in thread NAME:" and its traceback
# on stderr; the process goes on and exits 0.
import threading


def boom():
    raise ValueError("bad value")


t = threading.Thread(target=boom, name="boomer")
t.start()
t.join()
print("still running", t.is_alive())
