# logging (CPython's package): levels, formats with caller info, handlers, filters, exceptions.
import logging, sys, io
class LastLine(logging.Formatter):
    # Only the exception line of tracebacks: their "File" lines hold the checkout path.
    def formatException(self, ei):
        return super().formatException(ei).splitlines()[-1]
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(message)s", stream=sys.stdout)
logging.getLogger().handlers[0].setFormatter(LastLine("%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(message)s"))
log = logging.getLogger("app.sub")
def work():
    log.debug("debug %s", [1, 2])
    log.info("info")
work()
log.warning("warn %d%%", 50)
try:
    {}["k"]
except KeyError:
    log.exception("lookup failed")
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(message)s"))
other = logging.getLogger("other"); other.addHandler(h); other.propagate = False
other.error("to buffer"); other.critical("crit")
print(repr(buf.getvalue()))
print(logging.getLevelName(logging.WARNING), logging.getLevelName(15), log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), log.parent.name, logging.getLogger() is logging.root)
logging.disable(logging.CRITICAL); log.error("hidden"); logging.disable(logging.NOTSET)
class F(logging.Filter):
    def filter(self, r): return "keep" in r.getMessage()
log.addFilter(F()); log.info("drop this"); log.info("keep this")
