"""timeit: Timer, timeit, repeat, default_timer. Statements may be callables or source
strings (run with exec in a namespace of their own, like CPython's generated function)."""

import time

__all__ = ['Timer', 'timeit', 'repeat', 'default_timer']

dummy_src_name = '<timeit-src>'
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals


def _indent(src, prefix):
    return src.replace('\n', '\n' + prefix)


class Timer:
    """Class for timing execution speed of small code snippets."""

    def __init__(self, stmt='pass', setup='pass', timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        if isinstance(setup, str):
            setup_src = _indent(setup, '    ')
        elif callable(setup):
            setup_src = '_setup()'
            local_ns['_setup'] = setup
        else:
            raise ValueError('setup is neither a string nor callable')
        if isinstance(stmt, str):
            stmt_src = _indent(stmt, '        ')
        elif callable(stmt):
            stmt_src = '_stmt()'
            local_ns['_stmt'] = stmt
        else:
            raise ValueError('stmt is neither a string nor callable')
        src = ('def inner(_it, _timer):\n'
               '    ' + setup_src + '\n'
               '    _t0 = _timer()\n'
               '    for _i in _it:\n'
               '        ' + stmt_src + '\n'
               '    _t1 = _timer()\n'
               '    return _t1 - _t0\n')
        self.src = src
        ns = dict(global_ns)
        ns.update(local_ns)
        exec(src, ns)
        self.inner = ns['inner']

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        it = [None] * number
        return self.inner(it, self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        r = []
        for i in range(repeat):
            t = self.timeit(number)
            r.append(t)
        return r

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt='pass', setup='pass', timer=default_timer, number=default_number,
           globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt='pass', setup='pass', timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
